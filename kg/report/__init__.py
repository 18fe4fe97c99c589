"""`kg report`: an offline HTML explorer of a built graph (overview, entity pages, leaderboards,
search), written as static files that open from file://."""
