/* Benchmark baseline for Scripts/bench.sh (not part of the tool): libcsv parses a CSV file
 * configured as Sources/CSVImport/LibCSV.swift configures it (strict, CSV_REPALL_NL, a space
 * function that trims nothing, 4 KiB blocks), reading 1 MiB at a time, and copies every field
 * into a record buffer, which is the least any importer built on libcsv does.
 * Usage: libcsv_parse FILE   (prints records and bytes) */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char record[1 << 20];
static size_t used;
static long records, fields;

static void on_field(void *data, size_t n, void *ctx) {
  (void)ctx;
  if (used + n > sizeof record) used = 0;
  if (n) memcpy(record + used, data, n);
  used += n;
  fields++;
}

static void on_record(int c, void *ctx) {
  (void)c;
  (void)ctx;
  used = 0;
  records++;
}

static int no_space(unsigned char c) {
  (void)c;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 2;
  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) return 2;
  csv_set_space_func(&p, no_space);
  csv_set_blk_size(&p, 4096);
  static char buf[1 << 20];
  size_t n, total = 0;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    total += n;
    if (csv_parse(&p, buf, n, on_field, on_record, NULL) != n) {
      fprintf(stderr, "libcsv: %s\n", csv_strerror(csv_error(&p)));
      return 1;
    }
  }
  csv_fini(&p, on_field, on_record, NULL);
  csv_free(&p);
  fclose(f);
  printf("%ld records, %ld fields, %zu bytes\n", records, fields, total);
  return 0;
}
