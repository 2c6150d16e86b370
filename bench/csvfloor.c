/* csvfloor: the libcsv floor for the raw-read benchmark.
 * fread 1 MiB blocks -> csv_parse (default options) with callbacks that only
 * count; prints "rows fields".  Build: cc -O2 -o csvfloor csvfloor.c -lcsv */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static void on_field(void *s, size_t len, void *d) { (void)s; (void)len; ((size_t *)d)[1]++; }
static void on_row(int c, void *d) { (void)c; ((size_t *)d)[0]++; }

int main(int argc, char **argv) {
    static char buf[1 << 20];
    size_t counts[2] = {0, 0}, n; /* rows, fields */
    struct csv_parser p;
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
    if (!f || csv_init(&p, 0) != 0) { fprintf(stderr, "usage: csvfloor FILE\n"); return 2; }
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (csv_parse(&p, buf, n, on_field, on_row, counts) != n) {
            fprintf(stderr, "csvfloor: %s\n", csv_strerror(csv_error(&p))); return 1; }
    csv_fini(&p, on_field, on_row, counts);
    csv_free(&p); fclose(f);
    printf("%zu %zu\n", counts[0], counts[1]);
    return 0;
}
