"""Full screens of the app: one module per screen, each receiving what it shows from services."""
