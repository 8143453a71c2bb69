"""Top-level pytest setup: Qt must run headless, and must know it before it starts."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
