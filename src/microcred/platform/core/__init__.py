"""What every app of the platform shares: the one application error and its mapping to
HTTP and to pages, the REST API object, the page layout and the home page."""
