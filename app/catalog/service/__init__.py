"""The catalog's service layer: all of its SQL, one module per resource, shared pieces in
``queries``. Functions take a keyword-only ``session`` and raise ``AppError`` subclasses."""
