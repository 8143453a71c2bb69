"""Names vulture cannot see used: Qt calls the overrides, pydantic and the JSON file use the fields,
@rule registers the text rules, python-docx reads the properties we set. Regenerate with
`vulture --make-whitelist` only after deleting what is really dead."""
# ruff: noqa
active  # unused variable (forms/model/__init__.py:57)
on_request  # unused variable (forms/model/__init__.py:58)
format_2019_items  # unused variable (forms/model/__init__.py:102)
format_2019_cells  # unused variable (forms/model/__init__.py:103)
merged_at  # unused variable (forms/model/consolidation.py:98)
_.start_type  # unused attribute (forms/render/docx_styles.py:141)
_.footer_distance  # unused attribute (forms/render/docx_styles.py:146)
_.header_distance  # unused attribute (forms/render/docx_styles.py:147)
_.is_linked_to_previous  # unused attribute (forms/render/docx_styles.py:185)
_.is_linked_to_previous  # unused attribute (forms/render/docx_styles.py:186)
_._blob  # unused attribute (forms/render/docx_styles.py:211)
_._blob  # unused attribute (forms/render/docx_styles.py:243)
_.author  # unused attribute (forms/render/docx_writer.py:210)
_.language  # unused attribute (forms/render/docx_writer.py:211)
_.keywords  # unused attribute (forms/render/docx_writer.py:212)
_.__qualname__  # unused attribute (forms/rules/text.py:276)
text_n1  # unused variable (forms/rules/text.py:280)
text_n2  # unused variable (forms/rules/text.py:281)
text_n3  # unused variable (forms/rules/text.py:282)
text_n6  # unused variable (forms/rules/text.py:360)
text_n7  # unused variable (forms/rules/text.py:361)
_.validate  # unused method (gui/cell_editor.py:21)
_.createEditor  # unused method (gui/cell_editor.py:60)
_.setEditorData  # unused method (gui/cell_editor.py:77)
_.setModelData  # unused method (gui/cell_editor.py:80)
_.mergeWith  # unused method (gui/commands.py:111)
_.dragEnterEvent  # unused method (gui/main_window.py:423)
_.closeEvent  # unused method (gui/main_window.py:434)
_.dragEnterEvent  # unused method (gui/merge_page.py:377)
_.columnCount  # unused method (gui/table_model.py:53)
_.language  # unused attribute (templates/make_reference_docx.py:42)
_.author  # unused attribute (templates/make_reference_docx.py:43)
_.comments  # unused attribute (templates/make_reference_docx.py:44)
kwargs  # unused variable (tests/test_store.py:382)
_.autofit  # unused attribute (forms/render/compare.py:139)
_.alignment  # unused attribute (forms/render/compare.py:147)
_.hasHeightForWidth  # unused method (gui/compare_page.py): Qt's layout calls it
_.paintEvent  # unused method (gui/compare_page.py): Qt calls it
_.keep_with_next  # unused attribute (forms/render/infographic.py): a python-docx property set
_.space_after  # unused attribute (forms/render/infographic.py): a python-docx property set
request  # unused variable (tests/test_series.py:15)
paintEvent  # unused method (gui/quiet_label.py: Qt calls it)
__getattr__  # unused function (forms/importers/__init__.py: Python calls it for a name the module lacks)
_.get_plugins  # unused attribute (gui/launcher.py:54): pydantic's plugin machinery calls the stand-in loader's
_.itemAt  # unused method (gui/flow_layout.py): QLayout calls it
_.takeAt  # unused method (gui/flow_layout.py): QLayout calls it
_.expandingDirections  # unused method (gui/flow_layout.py): QLayout calls it
