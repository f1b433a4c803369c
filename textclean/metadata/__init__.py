"""The metadata filter's questions, one module each (the filter itself, its options
and the order it asks them in are `textclean.filters.metadata`):

- `lines`: reading a byline or date line (`read_meta_line`, `date_only`) and the
  shapes of other meta lines (a field, a role, an unlabelled name, a result);
- `scope`: which lines metadata may take (`claimable`), which it reads past
  (`set_aside`), and how it takes one (`claim`);
- `captions`: lines that carry a photo credit;
- `byline`: the byline and the date near the start of the body;
- `shapes`: line predicates the title and deck searches share;
- `prose`: where the article's prose starts, above which the title is searched;
- `signals`: the title score, a table of named, weighted signals;
- `title`: choosing the headline, and removing its other copies as repeats;
- `deck`: the deck (subtitle) under the headline.
"""
