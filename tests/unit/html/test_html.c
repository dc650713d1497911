/*
 * test_html.c - the HTML stage: charsets to UTF-8, the article chosen from
 * a page (boilerplate dropped, captions, pull quotes and headings kept with
 * their roles), metadata and which source wins, roles handed to the text
 * stage, limits, and allocation failures.
 */
#include "testutil.h"

#include "html/html.h"
#include "text/text.h"

static tc_arena arena;

static int setup(void **state)
{
    (void)state;
    tc_arena_init(&arena, tc_default_allocator());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tc_arena_free(&arena);
    return 0;
}

static const char *utf8_of(const char *s, size_t n, tc_html_charset *cs)
{
    static tc_sb sb;
    char name[32];
    tc_sb_free(&sb);
    tc_sb_init(&sb, tc_default_allocator(), 0);
    assert_int_equal(tc_html_to_utf8(s, n, &sb, cs, name), TC_OK);
    return sb.p ? sb.p : "";
}

static void charsets(void **state)
{
    tc_html_charset cs;
    const char *latin = "<meta charset=\"iso-8859-1\"><p>Caf\xe9 \x80 5</p>";
    const char *liar = "<meta charset=\"iso-8859-1\"><p>Caf\xc3\xa9</p>";
    const char *bare = "<p>Z\xfcrich \x93quoted\x94</p>";
    const char *mostly = "<p>\xc3\xa9t\xc3\xa9 \xff ok</p>";
    (void)state;
    assert_string_equal(utf8_of(latin, strlen(latin), &cs),
                        "<meta charset=\"iso-8859-1\"><p>Caf\xc3\xa9 "
                        "\xe2\x82\xac 5</p>");
    assert_int_equal(cs, TC_HTML_CP1252);
    /* Declared latin-1, but the bytes are UTF-8: read as UTF-8. */
    assert_string_equal(utf8_of(liar, strlen(liar), &cs), liar);
    assert_int_equal(cs, TC_HTML_UTF8);
    /* Undeclared and not UTF-8: cp1252. */
    assert_string_equal(utf8_of(bare, strlen(bare), &cs),
                        "<p>Z\xc3\xbcrich \xe2\x80\x9cquoted\xe2\x80\x9d</p>");
    /* Mostly UTF-8 with a broken byte: repaired. */
    assert_string_equal(utf8_of(mostly, strlen(mostly), &cs),
                        "<p>\xc3\xa9t\xc3\xa9 \xef\xbf\xbd ok</p>");
    assert_int_equal(cs, TC_HTML_UTF8);
    /* A byte-order mark is dropped. */
    assert_string_equal(utf8_of("\xef\xbb\xbf<p>x</p>", 11, &cs), "<p>x</p>");
    utf8_of("", 0, &cs);
}

static tc_html_page extract(const char *html)
{
    tc_html_page page;
    char why[128];
    assert_int_equal(tc_html_extract(&arena, html, strlen(html), &page, why),
                     TC_OK);
    return page;
}

/* The role of the line that holds `needle`, or -1 when it is not there. */
static int role_of(const tc_html_page *p, const char *needle)
{
    const char *at = strstr(p->text, needle);
    size_t line = 0;
    const char *s;
    if (!at)
        return -1;
    for (s = p->text; s < at; s++)
        line += *s == '\n';
    return line < p->lines ? p->line_roles[line] : -1;
}

static const char page_html[] =
    "<html lang=\"en\"><head><title>Grain deal signed | Gazette</title>"
    "<meta property=\"og:title\" content=\"Grain deal signed in Istanbul\">"
    "</head><body>"
    "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/w\">World news "
    "and more</a></nav>"
    "<div id=\"cookie-notice\">We use cookies to give you the best "
    "experience on our website, please accept them.</div>"
    "<article><h1>Grain deal signed in Istanbul</h1>"
    "<p>Ukraine and Russia signed a deal on Friday to reopen the ports of "
    "the Black Sea to grain exports, the United Nations said.</p>"
    "<figure><img src=a.jpg><figcaption>Ships wait near Odesa.</figcaption>"
    "</figure>"
    "<p>The agreement, brokered by Turkey and the UN, runs for 120 days and "
    "can be renewed if both sides agree.</p>"
    "<aside class=\"pullquote\"><p>A beacon of hope.</p></aside>"
    "<h2>What comes next</h2>"
    "<p>Ships will be inspected in Istanbul, and a joint centre will watch "
    "the corridor, officials said.</p>"
    "<div class=\"share-tools\"><a href=#>Share on Facebook</a></div>"
    "</article>"
    "<div class=\"comments\"><p>What a great day for everybody who needs "
    "bread, thank you for the report.</p></div>"
    "<footer><p>Copyright 2022 Gazette, all rights reserved, and more "
    "words.</p></footer></body></html>";

static void article_and_roles(void **state)
{
    tc_html_page p;
    (void)state;
    p = extract(page_html);
    assert_string_equal(p.title, "Grain deal signed in Istanbul");
    assert_string_equal(p.language, "en");
    assert_int_equal(role_of(&p, "Grain deal signed in Istanbul"),
                     TC_ROLE_TITLE);
    assert_int_equal(role_of(&p, "Ukraine and Russia signed"), TC_ROLE_BODY);
    assert_int_equal(role_of(&p, "Ships wait near Odesa."), TC_ROLE_CAPTION);
    assert_int_equal(role_of(&p, "A beacon of hope."), TC_ROLE_PULLQUOTE);
    assert_int_equal(role_of(&p, "What comes next"), TC_ROLE_SUBHEAD);
    assert_int_equal(role_of(&p, "Ships will be inspected"), TC_ROLE_BODY);
    /* Boilerplate is gone, and the h1 is not repeated after the title. */
    assert_null(strstr(p.text, "Home"));
    assert_null(strstr(p.text, "cookies"));
    assert_null(strstr(p.text, "Share on"));
    assert_null(strstr(p.text, "great day"));
    assert_null(strstr(p.text, "Copyright"));
    assert_ptr_equal(strstr(p.text, "Grain deal signed in Istanbul"), p.text);
    assert_null(strstr(p.text + 5, "Grain deal signed in Istanbul"));
    /* One paragraph a line, blank lines between. */
    assert_null(strstr(p.text, "\n\n\n"));
    assert_int_equal(p.text[p.len - 1], '.');
}

/* Class words: a wrapper named for both content and sidebar is neither; a
 * comment body is a comment; WordPress tag classes on the article do not
 * count against it. */
static void class_evidence(void **state)
{
    tc_html_page p;
    (void)state;
    p = extract("<html><body><div class=\"content-sidebar-wrap\">"
                "<article class=\"post tag-sharing category-news\">"
                "<p>The council voted on Tuesday to close the old bridge to "
                "cars, after engineers found cracks in two of its piers.</p>"
                "<p>Repairs are expected to take a year, and buses will use "
                "the new bridge upstream in the meantime, officials said.</p>"
                "<div class=\"comment-body\"><p>Typical, they never fix "
                "anything in time, and we pay for all of it again.</p></div>"
                "</article></div></body></html>");
    assert_non_null(strstr(p.text, "The council voted"));
    assert_non_null(strstr(p.text, "Repairs are expected"));
    assert_null(strstr(p.text, "Typical"));
}

static void dates_by_source(void **state)
{
    tc_html_page p;
    (void)state;
    /* JSON-LD wins over a meta tag, a <time> and the URL. */
    p = extract("<html><head><link rel=canonical href=\"https://x.example/"
                "2020/01/02/story\"><meta property=\"article:published_time\" "
                "content=\"2021-06-15T10:00:00Z\"><script type=\"application/"
                "ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": "
                "\"2021-06-16T08:00:00+02:00\",\"author\":{\"@type\":"
                "\"Person\",\"name\":\"Ana Lopez\"}}</script></head><body>"
                "<time datetime=\"2021-06-14\">14 June</time><p>Text of the "
                "story, long enough to count as the article here.</p></body>"
                "</html>");
    assert_string_equal(p.date, "2021-06-16");
    assert_string_equal(p.author, "Ana Lopez");
    assert_string_equal(p.url, "https://x.example/2020/01/02/story");
    /* The meta tag over <time> and the URL. */
    p = extract("<html><head><link rel=canonical href=\"https://x.example/"
                "2020/01/02/story\"><meta property=\"article:published_time\" "
                "content=\"2021-06-15T10:00:00Z\"></head><body><time "
                "datetime=\"2021-06-14\">14 June</time><p>Story.</p></body>"
                "</html>");
    assert_string_equal(p.date, "2021-06-15");
    /* <time> over the URL; the URL alone; a German dateline alone. */
    p = extract("<html><head><link rel=canonical href=\"https://x.example/"
                "2020/01/02/story\"></head><body><time datetime=\"2021-06-14\">"
                "</time><p>Story.</p></body></html>");
    assert_string_equal(p.date, "2021-06-14");
    p = extract("<html><head><meta property=\"og:url\" content=\"https://x."
                "example/news/2020/01/02/story\"></head><body><p>Story.</p>"
                "</body></html>");
    assert_string_equal(p.date, "2020-01-02");
    p = extract("<html><body><p>Berlin, 3. M\xc3\xa4rz 2021</p><p>Die "
                "Minister trafen sich am Mittwoch in Berlin, um \xc3\xbc"
                "ber die neuen Regeln zu sprechen.</p></body></html>");
    assert_string_equal(p.date, "2021-03-03");
    /* An impossible date is no date. */
    p = extract("<html><head><meta name=date content=\"2021-02-30\"></head>"
                "<body><p>Story.</p></body></html>");
    assert_string_equal(p.date, "");
}

static void titles(void **state)
{
    tc_html_page p;
    (void)state;
    p = extract("<html><head><title>Talks stall in Vienna | World | The Daily"
                "</title></head><body><p>Story.</p></body></html>");
    assert_string_equal(p.title, "Talks stall in Vienna");
    p = extract("<html><head><title>Site - Talks stall again</title></head>"
                "<body><h1>Talks stall again</h1><p>Story.</p></body></html>");
    assert_string_equal(p.title, "Talks stall again");
    p = extract("<html><body><h1>Only a heading</h1></body></html>");
    assert_string_equal(p.title, "Only a heading");
    assert_string_equal(p.text, "Only a heading");
}

static void roles_into_text_stage(void **state)
{
    tc_vec paras;
    static const uint8_t roles[] = {TC_ROLE_TITLE, 0, TC_ROLE_BODY, 0,
                                    TC_ROLE_CAPTION};
    const char *norm = "Title\n\nBody one.\n\nA caption.";
    tc_para *p;
    (void)state;
    tc_vec_init(&paras, tc_default_allocator(), sizeof(tc_para), 100);
    assert_int_equal(tc_text_paragraphs(norm, strlen(norm), &paras), TC_OK);
    assert_int_equal(paras.n, 3);
    tc_html_preset_roles(norm, &paras, roles, 5);
    p = tc_vec_at(&paras, 0);
    assert_int_equal(p->role, TC_ROLE_TITLE);
    p = tc_vec_at(&paras, 1);
    assert_int_equal(p->role, TC_ROLE_BODY);
    p = tc_vec_at(&paras, 2);
    assert_int_equal(p->role, TC_ROLE_CAPTION);
    tc_vec_free(&paras);
}

static void limits(void **state)
{
    tc_html_page p;
    char why[128];
    size_t n = (TC_HTML_MAX_TAGS + 1) * 3, i;
    char *many = malloc(n + 1);
    (void)state;
    assert_non_null(many);
    for (i = 0; i + 3 <= n; i += 3)
        memcpy(many + i, "<b>", 3);
    many[n] = '\0';
    assert_int_equal(tc_html_extract(&arena, many, n, &p, why), TC_ERR_LIMIT);
    assert_non_null(strstr(why, "tags"));
    free(many);
    /* Not HTML at all: the text is still a page's text. */
    p = extract("plain words, no tags at all, but a sentence all the same.");
    assert_string_equal(p.text,
                        "plain words, no tags at all, but a sentence all the "
                        "same.");
}

static void allocation_failures_are_clean(void **state)
{
    long n;
    (void)state;
    for (n = 1; n < 2000; n++) {
        counting_alloc ca;
        tc_arena a;
        tc_html_page p;
        char why[128];
        tc_status st;
        counting_alloc_init(&ca, n);
        tc_arena_init(&a, &ca.a);
        st = tc_html_extract(&a, page_html, strlen(page_html), &p, why);
        tc_arena_free(&a);
        assert_int_equal(ca.live, 0);
        if (ca.calls < n) {
            assert_int_equal(st, TC_OK);
            return;
        }
        assert_int_equal(st, TC_ERR_NOMEM);
    }
    fail_msg("more than 2000 allocations for one small page");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(charsets),
        cmocka_unit_test(article_and_roles),
        cmocka_unit_test(class_evidence),
        cmocka_unit_test(dates_by_source),
        cmocka_unit_test(titles),
        cmocka_unit_test(roles_into_text_stage),
        cmocka_unit_test(limits),
        cmocka_unit_test(allocation_failures_are_clean),
    };
    return cmocka_run_group_tests_name("html", tests, setup, teardown);
}
