"""The application context handed to every window, widget and command that needs the outside world."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from forms.model.store import RecoveryStore
from gui.interaction import Interaction

AUTOSAVE_MS = 3000


@dataclass
class AppContext:
    settings: QSettings
    recovery: RecoveryStore | None          # None: no autosave (screenshots)
    interaction: Interaction = field(default_factory=Interaction)
    autosave_ms: int = AUTOSAVE_MS


def default_context() -> AppContext:
    from gui.settings import default_settings, recovery_dir
    return AppContext(settings=default_settings(), recovery=RecoveryStore(recovery_dir()))
