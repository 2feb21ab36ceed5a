"""Table editing: the item model over a TableSpec grid, its delegate, view and undo commands."""
