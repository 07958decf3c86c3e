enum SpecPlaceholder {}
