"""Running commands over plans: which plans, how each is loaded, what happened to each."""
