"""Views of a Document for people: HTML for notebooks (`html`), rich text for
terminals (`terminal`), both drawn from the segment partition (`lines`) in one
palette (`palette`)."""
