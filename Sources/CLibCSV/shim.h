#include <csv.h>

/* A hint that the cache line at `p` will be read soon: the importer's hash tables issue it a
   few cells ahead of a look-up (CSVImport's `prefetchForRead`). It never changes a result. */
static inline void escalation_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }
