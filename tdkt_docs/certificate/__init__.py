"""Bằng khen and Giấy khen printed on pre-printed blanks: layouts, fitting, drawing, calibration.

Entry points: ``sources.from_workbook`` / ``sources.from_docx`` give ``model.SignedDecision``s;
``draw.certificates_pdf`` and ``calibrate.calibration_pdf`` return PDF bytes; ``run`` drives ``tdkt in-bang``.
"""
