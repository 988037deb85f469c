"""Everything around the core: `cli/`, `slack/`, `storage/`, `ops/`, `digest/`, plus settings,
extension hooks and the feature list. Turns `intents` + `knowledge` answers into a product.
"""
