"""Adds the works bench/web.ts exported (NNNNNN.txt and NNNNNN.opf in one folder) to a calibre library, through
calibre's own library API: `calibre-debug -e bench/calibre-add.py -- LIBRARY FOLDER`.

`calibredb add` over the same folder stores the same books, but slows as the library grows: for each book it adds,
calibre lower-cases every author and tag name already in the library (calibre/db/write.py many_many, cache.py
author_sort_from_authors), and these works carry 28,000 authors and 58,000 distinct tags. It added 23 books/s at
first and 9/s by the 14,000th: about four hours for 100,000. So each book is read exactly as `calibredb add` reads
it (metadata_from_formats: its OPF, taken whole) and first added with its text and title under a placeholder
author, one per batch of books, which keeps the names calibre looks through on each add to a few dozen. Then each
field is set for a whole batch in one call, as calibre's bulk metadata edit does for a selection, which looks the
names up once; the placeholders, left without books, are removed by calibre. Batches stay small because setting
the authors moves each book's folder out of its placeholder's, and calibre lists that folder after each move.
`calibredb add` also runs the file-type plugins; the only one for TXT (TXT to TXTZ) leaves a text without images
as it is.
"""
import glob
import os
import sys

from calibre.db.adding import create_format_map
from calibre.ebooks.metadata import authors_to_sort_string
from calibre.ebooks.metadata.book.base import Metadata
from calibre.ebooks.metadata.meta import metadata_from_formats
from calibre.library import db as open_library

BATCH = 1000
FIELDS = ('authors', 'author_sort', 'tags', 'series', 'series_index', 'comments', 'pubdate', 'identifiers', 'languages', '#kudos')


def add_batch(cache, number, texts):
    """Adds the books under the batch's placeholder author; returns each field's value for each book."""
    author = 'Quire batch %d' % number
    fields = {name: {} for name in FIELDS}
    for text in texts:
        paths = [text, text[:-4] + '.opf']
        mi = metadata_from_formats(paths)
        placeholder = Metadata(mi.title, [author])
        placeholder.author_sort = author
        # Every work is distinct: calibre's duplicate check (title and authors against every book) would only cost time.
        (book_id,), _ = cache.add_books([(placeholder, create_format_map(paths))], add_duplicates=True, run_hooks=False)
        fields['authors'][book_id] = mi.authors
        # Every author is new to the library, so the sort calibre would give the book is the one built from its names.
        fields['author_sort'][book_id] = authors_to_sort_string(mi.authors)
        fields['tags'][book_id] = mi.tags
        if mi.series:
            fields['series'][book_id] = mi.series
            fields['series_index'][book_id] = mi.series_index
        fields['comments'][book_id] = mi.comments
        fields['pubdate'][book_id] = mi.pubdate
        fields['identifiers'][book_id] = mi.get_identifiers()
        fields['languages'][book_id] = mi.languages
        fields['#kudos'][book_id] = mi.get('#kudos')
    # calibre looks through every book waiting for its metadata.opf on each change, as `calibredb add` writes them
    # after each book: writing them after each batch keeps that list short.
    cache.dump_metadata()
    return fields


library, folder = sys.argv[-2:]
cache = open_library(library).new_api
texts = sorted(glob.glob(os.path.join(folder, '*.txt')))
batches = [add_batch(cache, number, texts[start:start + BATCH]) for number, start in enumerate(range(0, len(texts), BATCH))]
for fields in batches:
    for name, values in fields.items():
        cache.set_field(name, values)
    cache.dump_metadata()
cache.close()
