/*
 * test_gazetteer.c - our gazetteer format: records of each kind, alias
 * lines from another file, names matched through the lexicon, the country
 * and subdivision indexes, the fuzzy index for larger places, every kind
 * of bad line reported with its file, line and byte, and each allocation
 * failed in turn.  The real gazetteer (build/gazetteer.tsv) loads with no
 * bad line.
 */
#include "testutil.h"

#include "lexicon/gazetteer.h"

static const char main_text[] =
    "# a small gazetteer written for this test\n"
    "c\tUA\tUKR\t-\t48.75643\t32.41627\t0\tUkraine\n"
    "c\tFR\tFRA\t-\t46.5\t2.2\t0\tFrance; French Republic\n"
    "c\tUS\tUSA\t-\t-\t-\t0\tUnited States\n"
    "a\tUA-14\tUKR\tUA-14\t48.0\t37.8\t0\tDonetska oblast\n"
    "a\tUS-TX\tUSA\tUS-TX\t31.0\t-99.0\t0\tTexas\n"
    "p\t709717\tUKR\tUA-14\t48.02300\t37.80224\t1024700\tDonetsk\n"
    "p\t699675\tUKR\tUA-14\t47.11389\t38.08599\t12200\tNovoazovsk; Novoazovs'k\n"
    "p\t703448\tUKR\t-\t50.45466\t30.52380\t2797553\tKyiv\n"
    "p\t2988507\tFRA\t-\t48.85341\t2.3488\t2138551\tParis\n"
    "p\t4717560\tUSA\tUS-TX\t33.66094\t-95.55551\t24782\tParis\n";

static const char extra_text[] =
    "# additions\n"
    "= 703448   Kiev; Kiyv\n"
    "n 709717   Donetsk City; Donetsk-on-Kalmius\n"
    "r - UKR - 48.00000 38.50000 0 Donbas; Donbass\n";

typedef struct warns {
    int count;
    tc_error last[8];
} warns;

static void on_warn(void *ctx, const tc_error *e)
{
    warns *w = ctx;
    if (w->count < 8)
        w->last[w->count] = *e;
    w->count++;
}

static tc_gazetteer *load(const char *a, const char *b, warns *w,
                          size_t *errors)
{
    const char *paths[2] = {"main.tsv", "extra.txt"};
    const char *texts[2];
    size_t lens[2];
    tc_gazetteer *g = tc_gazetteer_new(NULL);
    texts[0] = a;
    texts[1] = b;
    lens[0] = strlen(a);
    lens[1] = strlen(b);
    assert_non_null(g);
    assert_int_equal(tc_gazetteer_load_texts(g, paths, texts, lens, 2, on_warn,
                                             w, errors),
                     TC_OK);
    assert_int_equal(tc_gazetteer_freeze(g), TC_OK);
    return g;
}

/* The places named by `phrase` (words separated by spaces, capitalized). */
static size_t lookup(const tc_gazetteer *g, const char *phrase,
                     const uint32_t **entries)
{
    tc_match_tok mt[8];
    char key[128];
    size_t n = 0;
    const char *p = phrase;
    tc_name_hit hit;
    while (*p && n < 8) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        size_t k = tc_key_make(p, len, key, sizeof key);
        mt[n].key = tc_lexicon_key_id(tc_gazetteer_lexicon(g), key, k);
        mt[n++].caps = 1;
        p += len + (sp ? 1 : 0);
    }
    hit = tc_lexicon_match(tc_gazetteer_lexicon(g), mt, n, 0);
    *entries = hit.entries;
    return hit.len == n ? hit.entry_count : 0;
}

static void records_and_names(void **state)
{
    warns w = {0};
    size_t errors = 0;
    const uint32_t *e;
    const tc_place_rec *r;
    tc_gazetteer *g = load(main_text, extra_text, &w, &errors);
    (void)state;
    assert_int_equal(errors, 0);
    assert_int_equal(w.count, 0);
    assert_int_equal(tc_gazetteer_count(g), 11);
    /* an alias from the other file: Kiev is Kyiv */
    assert_int_equal(lookup(g, "Kiev", &e), 1);
    r = tc_gazetteer_place(g, e[0]);
    assert_int_equal(r->geonames_id, 703448);
    assert_string_equal(tc_gazetteer_name(g, e[0]), "Kyiv");
    assert_int_equal(r->kind, TC_PLACE_CITY);
    assert_int_equal(r->lat, 5045466);
    assert_int_equal(r->lon, 3052380);
    /* an "n" line: more names, and the first one shown */
    assert_int_equal(lookup(g, "Donetsk City", &e), 1);
    assert_string_equal(tc_gazetteer_name(g, e[0]), "Donetsk City");
    assert_int_equal(lookup(g, "Donetsk", &e), 1);
    /* transliteration without the apostrophe, and with it */
    assert_int_equal(lookup(g, "Novoazovsk", &e), 1);
    assert_int_equal(lookup(g, "Novoazovs'k", &e), 1);
    /* two places named Paris */
    assert_int_equal(lookup(g, "Paris", &e), 2);
    /* a region of our own, a subdivision, a country */
    assert_int_equal(lookup(g, "Donbass", &e), 1);
    r = tc_gazetteer_place(g, e[0]);
    assert_int_equal(r->kind, TC_PLACE_REGION);
    assert_int_equal(r->geonames_id, 0);
    assert_string_equal(r->country, "UKR");
    assert_int_equal(lookup(g, "French Republic", &e), 1);
    assert_int_equal(tc_gazetteer_place(g, e[0])->kind, TC_PLACE_COUNTRY);
    assert_int_equal(lookup(g, "United States", &e), 1);
    assert_false(tc_gazetteer_place(g, e[0])->has_coords);
    /* a short coordinate is read in 1e-5 degrees */
    assert_int_equal(lookup(g, "Texas", &e), 1);
    assert_int_equal(tc_gazetteer_place(g, e[0])->lon, -9900000);
    tc_gazetteer_free(g);
}

static void indexes(void **state)
{
    warns w = {0};
    size_t errors = 0;
    const tc_adm1_entry *a;
    int32_t c;
    tc_gazetteer *g = load(main_text, extra_text, &w, &errors);
    (void)state;
    c = tc_gazetteer_country(g, "FRA");
    assert_true(c >= 0);
    assert_string_equal(tc_gazetteer_name(g, (uint32_t)c), "France");
    assert_int_equal(tc_gazetteer_country(g, "XYZ"), -1);
    /* Donetsk oblast's towns, most populous first */
    assert_int_equal(tc_gazetteer_in_adm1(g, "UA-14", &a), 2);
    assert_int_equal(tc_gazetteer_place(g, a[0].entry)->geonames_id, 709717);
    assert_int_equal(tc_gazetteer_place(g, a[1].entry)->geonames_id, 699675);
    assert_int_equal(tc_gazetteer_in_adm1(g, "UA-09", &a), 0);
    tc_gazetteer_free(g);
}

static void fuzzy_only_for_larger_places(void **state)
{
    warns w = {0};
    size_t errors = 0;
    uint32_t entries[4], words[4];
    const tc_lexicon *lx;
    tc_gazetteer *g = load(main_text, extra_text, &w, &errors);
    (void)state;
    lx = tc_gazetteer_lexicon(g);
    /* Donetsk has a million people: one edit away is found */
    assert_int_equal(tc_lexicon_fuzzy(lx, "donetzk", 7, entries, words, 4), 1);
    assert_int_equal(tc_gazetteer_place(g, entries[0])->geonames_id, 709717);
    /* a town of 12,200 is not in the fuzzy index */
    assert_int_equal(tc_lexicon_fuzzy(lx, "novoazovsc", 10, entries, words, 4),
                     0);
    tc_gazetteer_free(g);
}

typedef struct bad_case {
    const char *line;
    const char *message; /* a part of the warning */
    int field;           /* the field it is about (0-based; past the end:
                          * the end of the line) */
} bad_case;

/* The byte offset of field `field` of a line (blank-separated). */
static uint64_t field_offset(const char *line, int field)
{
    const char *p = line;
    int f = -1;
    while (*p && *p != '\n') {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '\n')
            break;
        if (++f == field)
            return (uint64_t)(p - line);
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
    }
    return (uint64_t)(p - line);
}

static void bad_lines_are_located(void **state)
{
    static const char head[] = "# comment\n\n";
    static const bad_case cases[] = {
        {"x\t1\tUKR\t-\t0\t0\t0\tX\n", "bad place kind", 0},
        {"p\t0\tUKR\t-\t0\t0\t0\tX\n", "bad GeoNames id", 1},
        {"p\t12a\tUKR\t-\t0\t0\t0\tX\n", "bad GeoNames id", 1},
        {"p\t99999999999\tUKR\t-\t0\t0\t0\tX\n", "bad GeoNames id", 1},
        {"c\tUKR\tUKR\t-\t0\t0\t0\tX\n", "bad place id", 1},
        {"a\tUA14\tUKR\tUA-14\t0\t0\t0\tX\n", "bad place id", 1},
        {"r\tR1\tUKR\t-\t0\t0\t0\tX\n", "bad place id", 1},
        {"p\t1\tUk\t-\t0\t0\t0\tX\n", "bad country code", 2},
        {"p\t1\tUKR\tUA_14\t0\t0\t0\tX\n", "bad subdivision code", 3},
        {"p\t1\tUKR\t-\t91\t0\t0\tX\n", "bad latitude", 4},
        {"p\t1\tUKR\t-\t1.123456\t0\t0\tX\n", "bad latitude", 4},
        {"p\t1\tUKR\t-\t1.\t0\t0\tX\n", "bad latitude", 4},
        {"p\t1\tUKR\t-\t0\t-180.5\t0\tX\n", "bad longitude", 5},
        {"p\t1\tUKR\t-\t0\t-\t0\tX\n", "bad longitude", 5},
        {"p\t1\tUKR\t-\t0\t0\t-5\tX\n", "bad population", 6},
        {"p\t1\tUKR\t-\t0\t0\t5\n", "no place name", 7},
        {"p\t1\tUKR\t-\t0\t0\t5\t ; X\n", "no place name", 7},
        {"= 4242 Nowhere\n", "no place with this id", 2},
        {"= 12x Nowhere\n", "bad place id", 1},
        {"= 703448\n", "no place name", 2},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        warns w = {0};
        size_t errors = 0;
        uint64_t byte = sizeof head - 1 + field_offset(cases[i].line,
                                                        cases[i].field);
        tc_gazetteer *g;
        snprintf(text, sizeof text, "%s%sp\t2\tUKR\t-\t0\t0\t5\tGood\n", head,
                 cases[i].line);
        g = load(text, "= 2 Fine\n", &w, &errors);
        if (errors != 1 || w.count != 1 ||
            !strstr(w.last[0].message, cases[i].message) ||
            strcmp(w.last[0].file, "main.tsv") != 0 || w.last[0].line != 3 ||
            w.last[0].byte != byte)
            fail_msg("case %zu (%s): %zu errors, \"%s\" at %s:%llu:%llu, "
                     "want byte %llu",
                     i, cases[i].line, errors, w.count ? w.last[0].message : "",
                     w.count ? w.last[0].file : "",
                     (unsigned long long)(w.count ? w.last[0].line : 0),
                     (unsigned long long)(w.count ? w.last[0].byte : 0),
                     (unsigned long long)byte);
        /* the good line after it is still read */
        assert_true(tc_gazetteer_count(g) >= 1);
        tc_gazetteer_free(g);
    }
}

static void long_line_and_missing_file(void **state)
{
    char *text = malloc(6000);
    const char *path = "/nonexistent/gazetteer.tsv";
    warns w = {0};
    size_t errors = 0;
    tc_error err;
    tc_gazetteer *g;
    (void)state;
    memset(text, 'x', 5000);
    memcpy(text, "p\t1\tUKR\t-\t0\t0\t5\t", 16);
    strcpy(text + 5000, "\np\t2\tUKR\t-\t0\t0\t5\tGood\n");
    g = load(text, "", &w, &errors);
    assert_int_equal(errors, 1);
    assert_non_null(strstr(w.last[0].message, "too long"));
    assert_int_equal(w.last[0].line, 1);
    assert_int_equal(tc_gazetteer_count(g), 1);
    tc_gazetteer_free(g);
    free(text);
    g = tc_gazetteer_new(NULL);
    assert_int_equal(tc_gazetteer_load_files(g, &path, 1, NULL, NULL, NULL,
                                             &err),
                     TC_ERR_IO);
    assert_string_equal(err.file, path);
    tc_gazetteer_free(g);
}

static void allocation_failures(void **state)
{
    const char *paths[2] = {"main.tsv", "extra.txt"};
    const char *texts[2] = {main_text, extra_text};
    size_t lens[2];
    long n;
    (void)state;
    lens[0] = strlen(main_text);
    lens[1] = strlen(extra_text);
    for (n = 1; n < 400; n++) {
        counting_alloc ca;
        tc_gazetteer *g;
        tc_status st;
        counting_alloc_init(&ca, n);
        g = tc_gazetteer_new(&ca.a);
        if (g) {
            st = tc_gazetteer_load_texts(g, paths, texts, lens, 2, NULL, NULL,
                                         NULL);
            if (st == TC_OK)
                st = tc_gazetteer_freeze(g);
            assert_true(st == TC_OK || st == TC_ERR_NOMEM);
            tc_gazetteer_free(g);
        }
        assert_int_equal(ca.live, 0);
        if (ca.calls < n)
            break; /* every allocation has been failed once */
    }
}

/* The gazetteer the build made (tools/build-gazetteer.js), when there. */
static void real_gazetteer(void **state)
{
    const char *path = getenv("TACITUS_GAZETTEER");
    const char *paths[2];
    tc_gazetteer *g;
    size_t errors = 0;
    tc_error err;
    FILE *fp;
    (void)state;
    if (!path)
        path = TC_GAZETTEER_FILE;
    fp = fopen(path, "rb");
    if (!fp)
        fail_msg("no gazetteer at %s (make builds it)", path);
    fclose(fp);
    paths[0] = path;
    paths[1] = TC_DATA_DIR "/places-extra.txt";
    g = tc_gazetteer_new(NULL);
    assert_int_equal(tc_gazetteer_load_files(g, paths, 2, NULL, NULL, &errors,
                                             &err),
                     TC_OK);
    assert_int_equal(tc_gazetteer_freeze(g), TC_OK);
    assert_int_equal(errors, 0);
    assert_true(tc_gazetteer_count(g) > 130000);
    assert_true(tc_gazetteer_country(g, "CHE") >= 0);
    tc_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_and_names),
        cmocka_unit_test(indexes),
        cmocka_unit_test(fuzzy_only_for_larger_places),
        cmocka_unit_test(bad_lines_are_located),
        cmocka_unit_test(long_line_and_missing_file),
        cmocka_unit_test(allocation_failures),
        cmocka_unit_test(real_gazetteer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
