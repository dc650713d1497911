/*
 * test_peer.c - the TABARI and PETRARCH-2 dictionary readers: the four
 * validation dictionaries of those projects, read in place from $SHARED
 * (default ../shared) with no error; and small dictionaries written here,
 * one construct at a time, with bad lines that must be reported with their
 * line and byte while the rest of the file loads.  Names are looked up as
 * a text would be: keys from tc_key_make, case bits, tc_lexicon_match.
 */
#include "testutil.h"

#include "lexicon/lexicon.h"

#include <stdio.h>

#define MAX_SEEN 32

/* The warnings of one load. */
typedef struct seen {
    size_t count;
    uint64_t line[MAX_SEEN];
    uint64_t byte[MAX_SEEN];
    char message[MAX_SEEN][256];
    char file[MAX_SEEN][64];
} seen;

static void on_warn(void *ctx, const tc_error *w)
{
    seen *s = ctx;
    if (s->count < MAX_SEEN) {
        s->line[s->count] = w->line;
        s->byte[s->count] = w->byte;
        snprintf(s->message[s->count], sizeof s->message[0], "%.255s",
                 w->message);
        snprintf(s->file[s->count], sizeof s->file[0], "%.63s", w->file);
    }
    s->count++;
}

/* ---- Loading ---------------------------------------------------------- */

static tc_lexicon *load_shared(const char *rel, seen *s, size_t *errors)
{
    const char *shared = getenv("SHARED");
    char path[1024];
    tc_lexicon *lx = tc_lexicon_new(NULL);
    assert_non_null(lx);
    snprintf(path, sizeof path, "%s/%s", shared ? shared : "../shared", rel);
    *errors = 0;
    if (tc_lexicon_load(lx, path, TC_DICT_AUTO, on_warn, s, errors) != TC_OK)
        fail_msg("cannot read %s (set SHARED)", path);
    assert_int_equal(tc_lexicon_freeze(lx), TC_OK);
    return lx;
}

/* Loads `text` as a TABARI (petrarch false) or PETRARCH dictionary. */
static tc_lexicon *load_text(bool petrarch, bool agents, const char *text,
                             seen *s, size_t *errors)
{
    tc_lexicon *lx = tc_lexicon_new(NULL);
    tc_status st;
    assert_non_null(lx);
    memset(s, 0, sizeof *s);
    *errors = 0;
    st = petrarch ? tc_lexicon_load_petrarch(lx, "t.dict", text, strlen(text),
                                             agents, on_warn, s, errors)
                  : tc_lexicon_load_tabari(lx, "t.dict", text, strlen(text),
                                           agents, on_warn, s, errors);
    assert_int_equal(st, TC_OK);
    assert_int_equal(*errors, s->count);
    assert_int_equal(tc_lexicon_freeze(lx), TC_OK);
    return lx;
}

/* The warnings were on exactly these lines, in this order (0 ends). */
static void expect_lines(const seen *s, const uint64_t *lines)
{
    size_t i;
    for (i = 0; lines[i]; i++) {
        if (i >= s->count)
            fail_msg("no warning for line %llu", (unsigned long long)lines[i]);
        if (s->line[i] != lines[i])
            fail_msg("warning %zu on line %llu, not %llu: %s", i,
                     (unsigned long long)s->line[i],
                     (unsigned long long)lines[i], s->message[i]);
        assert_string_equal(s->file[i], "t.dict");
    }
    assert_int_equal(s->count, i);
}

/* ---- Lookup as a text would ------------------------------------------- */

static uint8_t caps_of(const char *w, size_t n)
{
    size_t i, letters = 0;
    bool all = true;
    for (i = 0; i < n; i++) {
        if (w[i] >= 'a' && w[i] <= 'z')
            all = false;
        letters += (w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z');
    }
    if (all && letters >= 2)
        return 3;
    return w[0] >= 'A' && w[0] <= 'Z' ? 1 : 0;
}

/* The hit of the longest name at word `at` of `words`, split at spaces and
 * hyphens (the matcher skips the hyphens inside a word). */
static tc_name_hit hit_at(const tc_lexicon *lx, const char *words, size_t at,
                          size_t *count)
{
    tc_match_tok toks[16];
    size_t n = 0;
    while (*words && n < 16) {
        size_t len = strcspn(words, " -");
        char key[128];
        size_t kn = tc_key_make(words, len, key, sizeof key);
        toks[n].key = tc_lexicon_key_id(lx, key, kn);
        toks[n].caps = caps_of(words, len);
        n++;
        words += len;
        while (*words == ' ' || *words == '-')
            words++;
    }
    *count = n;
    return tc_lexicon_match(lx, toks, n, at);
}

/* The code the words from `at` to the end name on `day`; "" if no name
 * covers exactly those words. */
static const char *code_at(const tc_lexicon *lx, const char *words, size_t at,
                           tc_day day)
{
    size_t n;
    tc_name_hit h = hit_at(lx, words, at, &n);
    const tc_period *p;
    if (h.len == 0 || at + h.len != n)
        return "";
    p = tc_entry_period_on(lx, tc_lexicon_entry(lx, h.entries[0]), day);
    return p ? tc_lexicon_str(lx, p->code) : "";
}

static const char *code_of(const tc_lexicon *lx, const char *words, tc_day day)
{
    return code_at(lx, words, 0, day);
}

/* The entry `words` names (all of them), or NULL. */
static const tc_entry *entry_of(const tc_lexicon *lx, const char *words)
{
    size_t n;
    tc_name_hit h = hit_at(lx, words, 0, &n);
    return h.len == n && h.len ? tc_lexicon_entry(lx, h.entries[0]) : NULL;
}

static const char *roles_of(const tc_lexicon *lx, const char *words)
{
    const tc_entry *e = entry_of(lx, words);
    const tc_period *p = e ? tc_entry_period_on(lx, e, 0) : NULL;
    assert_non_null(p);
    return tc_lexicon_str(lx, p->roles);
}

/* ---- The shared validation dictionaries ------------------------------- */

static void tabari_demo_actors(void **state)
{
    seen s = {0};
    size_t errors;
    tc_lexicon *lx =
        load_shared("peers/tabari/TABARI.Demo.actors", &s, &errors);
    size_t n;
    (void)state;
    assert_int_equal(errors, 0);
    assert_true(tc_lexicon_entry_count(lx) >= 110);
    assert_true(tc_lexicon_entry_count(lx) <= 130);
    assert_string_equal(code_of(lx, "Aardvark", 0), "SAF");
    assert_int_equal(entry_of(lx, "Aardvark")->type, TC_ACTOR_STATE);
    assert_string_equal(code_of(lx, "Amnesty International", 0), "NGM");
    assert_int_equal(entry_of(lx, "Amnesty International")->type, TC_ACTOR_ORG);
    assert_string_equal(code_of(lx, "aardvark", 0), ""); /* not a name */
    /* [AR1 <911226] [AR2]: before the day, then the default. */
    assert_string_equal(code_of(lx, "Axnor", 19911225), "AR1");
    assert_string_equal(code_of(lx, "Axnor", 19911226), "AR2");
    assert_string_equal(code_of(lx, "Albright", 20000101), "USAGOV");
    assert_string_equal(code_of(lx, "Albright", 20020101), "---");
    assert_string_equal(code_of(lx, "Boromir", 0), "---");
    assert_string_equal(code_of(lx, "Ent", 19880101), ""); /* ENT: capitals */
    assert_string_equal(code_of(lx, "ENT", 19880101), "###");
    /* GOLLUM's synonyms and code lines, "< 950601" with its blank. */
    assert_string_equal(code_of(lx, "Smeagol", 19950531), "HOB");
    assert_string_equal(code_of(lx, "Stinker", 19950601), "HOBGOV");
    /* TABARI's "> 990816" is after that day: the 16th is in no group. */
    assert_string_equal(code_of(lx, "Gollum", 19990816), "---");
    assert_string_equal(code_of(lx, "Slinker", 19990817), "HOBREB");
    assert_string_equal(code_of(lx, "Minas Tirith", 0), "GON");
    assert_string_equal(code_of(lx, "Lorien", 0), "ELR/GAL");
    assert_string_equal(code_of(lx, "U.N.", 0), "UNO");
    assert_string_equal(code_of(lx, "Barad-Dur", 0), "MOR");
    assert_string_equal(code_of(lx, "Mouse", 0), "MUS");
    assert_string_equal(code_at(lx, "the AU", 1, 0), "IGOAFR");
    assert_int_equal(hit_at(lx, "Al Gore", 0, &n).entry_count, 2);
    /* <NOUN> and <ADJECTIVE> words are not actors. */
    assert_string_equal(code_of(lx, "Goats", 0), "");
    assert_string_equal(code_of(lx, "Lovely", 0), "");
    tc_lexicon_free(lx);
}

static void tabari_validate_agents(void **state)
{
    seen s = {0};
    size_t errors;
    tc_lexicon *lx = load_shared("peers/tabari/Validate.agents", &s, &errors);
    (void)state;
    assert_int_equal(errors, 0);
    assert_true(tc_lexicon_entry_count(lx) >= 80);
    assert_true(tc_lexicon_entry_count(lx) <= 90);
    assert_string_equal(code_of(lx, "foreign minister", 0), "GOVFRM");
    assert_string_equal(code_of(lx, "Foreign Minister", 0), "GOVFRM");
    assert_int_equal(entry_of(lx, "soldiers")->type, TC_ACTOR_AGENT);
    assert_string_equal(code_of(lx, "soldiers", 0), "MIL");
    /* [ ~GOV] appends; [  NGO~] goes before the actor's code. */
    assert_string_equal(roles_of(lx, "ambassador"), "");
    assert_string_equal(code_of(lx, "human rights body", 0), "NGO");
    assert_string_equal(roles_of(lx, "human rights body"), "prefix");
    tc_lexicon_free(lx);
}

static void petrarch_validate_actors(void **state)
{
    seen s = {0};
    size_t errors;
    tc_lexicon *lx =
        load_shared("peers/petrarch2/PETR.Validate.actors.txt", &s, &errors);
    (void)state;
    assert_int_equal(errors, 0);
    assert_true(tc_lexicon_entry_count(lx) >= 115);
    assert_true(tc_lexicon_entry_count(lx) <= 140);
    assert_string_equal(code_of(lx, "Aardvark", 0), "SAF");
    assert_string_equal(code_of(lx, "Amnesty International", 0), "NGM");
    assert_string_equal(code_of(lx, "Australian", 0), "AUS"); /* +synonym */
    assert_string_equal(code_of(lx, "Interpol", 0), "IGOCOPITP");
    assert_string_equal(code_of(lx, "K.U.", 0), "USAEDU");
    assert_string_equal(code_of(lx, "Palestinian", 0), "PSE"); /* [pse] */
    /* The DATE records of PETRARCH's own unit tests. */
    assert_string_equal(code_of(lx, "Sam Gamgee", 20080119), "HOBCIV");
    assert_string_equal(code_of(lx, "Sam Gamgee", 20100106), "HOBMIL");
    assert_string_equal(code_of(lx, "Sam Gamgee", 20100109), "ORCHOB");
    assert_string_equal(code_of(lx, "Sam Gamgee", 20100112), "ORCHOB");
    assert_string_equal(code_of(lx, "Sam Gamgee", 20100113), "HOBMIL");
    assert_string_equal(code_of(lx, "Hamfast Gamgee", 19950104), "HOB");
    assert_string_equal(code_of(lx, "Hamfast Gamgee", 20121109), "HOBGOV");
    assert_string_equal(code_of(lx, "Smeagol", 19951101), "HOBGOV");
    assert_string_equal(code_of(lx, "Zimbabwe", 19781223), "RHO");
    assert_string_equal(code_of(lx, "Zimbabwe", 20010101), "ZBW");
    /* PETRARCH's ">D" holds from D on. */
    assert_string_equal(code_of(lx, "Slinker", 19990816), "HOBREB");
    /* Only dated codes: no actor outside them. */
    assert_string_equal(code_of(lx, "Onodoher", 19900101), "ONO");
    assert_string_equal(code_of(lx, "Onodoher", 20000101), "---");
    tc_lexicon_free(lx);
}

static void petrarch_validate_agents(void **state)
{
    seen s = {0};
    size_t errors;
    tc_lexicon *lx =
        load_shared("peers/petrarch2/PETR.Validate.agents.txt", &s, &errors);
    (void)state;
    assert_int_equal(errors, 0);
    assert_true(tc_lexicon_entry_count(lx) >= 80);
    assert_true(tc_lexicon_entry_count(lx) <= 100);
    /* {PLURAL} */
    assert_string_equal(code_of(lx, "attorney general", 0), "GOV");
    assert_string_equal(code_of(lx, "attorneys general", 0), "GOV");
    assert_string_equal(code_of(lx, "attorney generals", 0), "");
    assert_string_equal(code_of(lx, "golden geese", 0), "GGS");
    /* {}: no plural; none given: the regular one. */
    assert_string_equal(code_of(lx, "police", 0), "COP");
    assert_string_equal(code_of(lx, "polices", 0), "");
    assert_string_equal(code_of(lx, "authorities", 0), "GOV");
    assert_string_equal(code_of(lx, "congresses", 0), "LEG");
    /* Macros. */
    assert_string_equal(code_of(lx, "congressmen", 0), "LEG");
    assert_string_equal(code_of(lx, "Congresswoman", 0), "LEG");
    assert_string_equal(code_of(lx, "ministries of silly walks", 0), "GOV");
    /* An acronym stays in capitals. */
    assert_string_equal(code_of(lx, "MSF", 0), "NGO");
    assert_string_equal(code_of(lx, "msf", 0), "");
    assert_string_equal(roles_of(lx, "MSF"), "prefix");
    tc_lexicon_free(lx);
}

/* ---- TABARI, construct by construct ----------------------------------- */

static const char tabari_actors[] =
    "<NOUN>\n"                          /* 1 */
    "GOATS\n"                           /* 2 */
    "</NOUN>\n"                         /* 3 */
    "; a comment line\n"                /* 4 */
    "#OLD [XXX]\n"                      /* 5 */
    "ALPHA_LAND_ [alp] ; comment\n"     /* 6 */
    "BETA  [BET 991201-010114] [BTX]\n" /* 7 */
    "GAMMA\n"                           /* 8 */
    "+GAMMALAND\n"                      /* 9 */
    "\t[GAM <900101]\n"                 /* 10 */
    "\t[GMM > 900101]\r\n"              /* 11 */
    "DELTA [---]\n"                     /* 12 */
    "MOUSE= [MUS]\n"                    /* 13 */
    "BADDATE [BDD 991301-010114]\n"     /* 14: month 13 */
    "NOCLOSE [NCL\n"                    /* 15: no ']' */
    "NOCODE\n"                          /* 16: no code at all */
    "EPSILON [E$P]\n"                   /* 17: bad code */
    "ZETA [ZET] junk\n"                 /* 18: text after codes */
    "ETA [ETA] [XXX <1234]\n"           /* 19: bad date, ETA kept */
    "<VERB>\n"                          /* 20: unknown tag */
    "THE_HAGUE [NLD]\n"                 /* 21 */
    "UN_ [UNO]\n"                       /* 22 */
    "NATO [NTO]\n"                      /* 23 */
    "~~FINISH\n"                        /* 24 */
    "IOTA [IOT]\n";                     /* not read */

static void tabari_constructs(void **state)
{
    static const uint64_t bad[] = {14, 15, 16, 17, 18, 19, 20, 0};
    seen s;
    size_t errors;
    tc_lexicon *lx = load_text(false, false, tabari_actors, &s, &errors);
    (void)state;
    expect_lines(&s, bad);
    assert_int_equal(s.byte[0],
                     strstr(tabari_actors, "BADDATE") - tabari_actors);
    assert_non_null(strstr(s.message[0], "BDD 991301-010114"));
    assert_non_null(strstr(s.message[2], "Nocode"));
    assert_int_equal(tc_lexicon_entry_count(lx), 10);
    assert_string_equal(code_of(lx, "Goats", 0), "");
    assert_string_equal(code_of(lx, "Alpha Land", 0), "ALP");
    assert_string_equal(code_of(lx, "Beta", 20000101), "BET");
    assert_string_equal(code_of(lx, "Beta", 20020101), "BTX");
    assert_string_equal(code_of(lx, "Gammaland", 19891231), "GAM");
    assert_string_equal(code_of(lx, "Gamma", 19900101), "---");
    assert_string_equal(code_of(lx, "Gammaland", 19900102), "GMM");
    assert_string_equal(code_of(lx, "Delta", 0), "---");
    assert_string_equal(code_of(lx, "Mouse", 0), "MUS");
    assert_string_equal(code_of(lx, "ETA", 0), "ETA"); /* 3 letters: caps */
    assert_string_equal(code_of(lx, "Epsilon", 0), "");
    /* Case: title case needs a capital; short acronyms need capitals. */
    assert_string_equal(code_at(lx, "in the Hague", 2, 0), "NLD");
    assert_string_equal(code_of(lx, "hague", 0), "");
    assert_string_equal(code_of(lx, "UN", 0), "UNO");
    assert_string_equal(code_of(lx, "Un", 0), "");
    assert_string_equal(code_of(lx, "NATO", 0), "NTO");
    assert_string_equal(code_of(lx, "Nato", 0), "NTO");
    assert_string_equal(code_of(lx, "Iota", 0), "");
    tc_lexicon_free(lx);
}

static void tabari_stray_lines(void **state)
{
    static const uint64_t bad[] = {1, 2, 3, 4, 0};
    seen s;
    size_t errors;
    tc_lexicon *lx = load_text(false, false,
                               "+STRAY\n"          /* 1: no entry yet */
                               "[ABC]\n"           /* 2: no entry yet */
                               "LATIN\xE9 [LAT]\n" /* 3: not UTF-8 */
                               "<NOUN>\n"          /* 4: never closed */
                               "SHEEP [SHP]\n",
                               &s, &errors);
    (void)state;
    expect_lines(&s, bad);
    assert_int_equal(tc_lexicon_entry_count(lx), 0);
    tc_lexicon_free(lx);
}

static void tabari_agents(void **state)
{
    static const uint64_t bad[] = {3, 4, 5, 6, 0};
    seen s;
    size_t errors;
    tc_lexicon *lx = load_text(false, true,
                               "CLERIC [~REL]\n"         /* 1: a stem */
                               "SOLDIER_  [  ~MIL] ;x\n" /* 2: a word */
                               "POLICE [COP]\n"          /* 3: no '~' */
                               "JUDGE\n"                 /* 4: no code */
                               "TWO [~AAA] [~BBB]\n"     /* 5 */
                               "+EXTRA\n"                /* 6 */
                               "WATCHDOG_ [ngo~]\n",
                               &s, &errors);
    (void)state;
    expect_lines(&s, bad);
    assert_int_equal(tc_lexicon_entry_count(lx), 3);
    assert_string_equal(code_of(lx, "cleric", 0), "REL");
    assert_string_equal(code_of(lx, "Clerics", 0), "REL");
    assert_string_equal(code_of(lx, "soldier", 0), "MIL");
    assert_string_equal(code_of(lx, "soldiers", 0), "");
    assert_string_equal(code_of(lx, "watchdog", 0), "NGO");
    assert_string_equal(roles_of(lx, "watchdog"), "prefix");
    tc_lexicon_free(lx);
}

/* ---- PETRARCH, construct by construct --------------------------------- */

static const char petrarch_actors[] =
    "<!-- header -->\n"                                     /* 1 */
    "<!-- a comment\n"                                      /* 2 */
    "over lines [XXX] -->\n"                                /* 3 */
    "ALPHA [ALP] # trailing comment\n"                      /* 4 */
    "+ALPHANS\n"                                            /* 5 */
    "BETA\n"                                                /* 6 */
    "\t[BET 20000101-20000131] # dated\n"                   /* 7 */
    "\t[BTX >20000201]\n"                                   /* 8 */
    "gamma [pse]\n"                                         /* 9 */
    "DELTA [DLT] <!-- inline --> [DLX 20100101-20101231]\n" /* 10 */
    "<! -- odd comment -->\n"                               /* 11 */
    "# whole line comment\n"                                /* 12 */
    "EPS [EP1 20000101-19990101]\n"                         /* 13: reversed */
    "+SYN [SYN]\n"                                          /* 14 */
    "ZETA {X} [ZET]\n"                                      /* 15: braces */
    "<!-- never closed\n"                                   /* 16 */
    "THETA [THT]\n";

static void petrarch_constructs(void **state)
{
    static const uint64_t bad[] = {13, 14, 15, 16, 0};
    seen s;
    size_t errors;
    tc_lexicon *lx = load_text(true, false, petrarch_actors, &s, &errors);
    (void)state;
    expect_lines(&s, bad);
    assert_int_equal(s.byte[3],
                     strstr(petrarch_actors, "<!-- never") - petrarch_actors);
    assert_int_equal(tc_lexicon_entry_count(lx), 4);
    assert_string_equal(code_of(lx, "Alpha", 0), "ALP");
    assert_string_equal(code_of(lx, "Alphans", 0), "ALP");
    assert_string_equal(code_of(lx, "Beta", 20000115), "BET");
    assert_string_equal(code_of(lx, "Beta", 20000201), "BTX");
    assert_string_equal(code_of(lx, "Beta", 19990101), "---");
    assert_string_equal(code_of(lx, "Gamma", 0), "PSE");
    assert_string_equal(code_of(lx, "Delta", 20100601), "DLX");
    assert_string_equal(code_of(lx, "Delta", 20090101), "DLT");
    assert_string_equal(code_of(lx, "Over", 0), "");
    assert_string_equal(code_of(lx, "Theta", 0), "");
    tc_lexicon_free(lx);
}

static const char petrarch_agents[] =
    "\xEF\xBB\xBF!PERSON! = MAN, MEN , WOMAN\n" /* 1 */
    "!OFFICE! = MINISTER, MINISTRY\n"           /* 2 */
    "CHAIR!PERSON! [~GOV]\n"                    /* 3 */
    "!OFFICE!_OF_FUN {} [~GOV]\n"               /* 4 */
    "BUS_DRIVER [~LAB]\n"                       /* 5 */
    "PARTY [~OPP]\n"                            /* 6 */
    "BOX [~BXX]\n"                              /* 7 */
    "ATTORNEY [~JUD]\n"                         /* 8 */
    "SHEEP {} [~SHP]\n"                         /* 9 */
    "GOOSE {GEESE} [~GSE]\n"                    /* 10 */
    "WATCHDOG [NGO~]\n"                         /* 11 */
    "POLICE [COP]\n"                            /* 12: no '~' */
    "JUDGE\n"                                   /* 13: no code */
    "SPY!AGENT! [~SPY]\n"                       /* 14: no such macro */
    "!BROKEN = X\n"                             /* 15 */
    "CLERK {CLERKS [~ADM]\n"                    /* 16: no '}' */
    "TWO [~AAA] [~BBB]\n"                       /* 17 */
    "+EXTRA\n";                                 /* 18 */

static void petrarch_agent_constructs(void **state)
{
    static const uint64_t bad[] = {12, 13, 14, 15, 16, 17, 18, 0};
    seen s;
    size_t errors;
    tc_lexicon *lx = load_text(true, true, petrarch_agents, &s, &errors);
    (void)state;
    expect_lines(&s, bad);
    assert_int_equal(tc_lexicon_entry_count(lx), 9);
    assert_string_equal(code_of(lx, "chairman", 0), "GOV");
    assert_string_equal(code_of(lx, "Chairmen", 0), "GOV");
    assert_string_equal(code_of(lx, "chairwoman", 0), "GOV");
    assert_string_equal(code_of(lx, "chairmans", 0), "");
    assert_string_equal(code_of(lx, "Minister of Fun", 0), "GOV");
    assert_string_equal(code_of(lx, "ministry of fun", 0), "GOV");
    assert_string_equal(code_of(lx, "bus drivers", 0), "LAB");
    assert_string_equal(code_of(lx, "parties", 0), "OPP");
    assert_string_equal(code_of(lx, "boxes", 0), "BXX");
    assert_string_equal(code_of(lx, "attorneys", 0), "JUD");
    assert_string_equal(code_of(lx, "sheep", 0), "SHP");
    assert_string_equal(code_of(lx, "sheeps", 0), "");
    assert_string_equal(code_of(lx, "geese", 0), "GSE");
    assert_string_equal(code_of(lx, "gooses", 0), "");
    assert_string_equal(roles_of(lx, "watchdogs"), "prefix");
    tc_lexicon_free(lx);
}

/* Every allocation failing in turn: out of memory, and nothing leaks. */
static void allocation_failures_are_clean(void **state)
{
    long n;
    (void)state;
    for (n = 1; n < 2000; n++) {
        counting_alloc ca;
        tc_lexicon *lx;
        tc_status st = TC_ERR_NOMEM;
        size_t errors = 0;
        counting_alloc_init(&ca, n);
        lx = tc_lexicon_new(&ca.a);
        if (lx)
            st = tc_lexicon_load_petrarch(lx, "a", petrarch_agents,
                                          strlen(petrarch_agents), true, NULL,
                                          NULL, &errors);
        if (lx && st == TC_OK)
            st = tc_lexicon_load_tabari(lx, "t", tabari_actors,
                                        strlen(tabari_actors), false, NULL,
                                        NULL, &errors);
        tc_lexicon_free(lx);
        assert_int_equal(ca.live, 0);
        if (ca.calls < n) { /* nothing failed: the run is complete */
            assert_int_equal(st, TC_OK);
            return;
        }
        assert_int_equal(st, TC_ERR_NOMEM);
    }
    fail_msg("more than 2000 allocations for two small dictionaries");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tabari_demo_actors),
        cmocka_unit_test(tabari_validate_agents),
        cmocka_unit_test(petrarch_validate_actors),
        cmocka_unit_test(petrarch_validate_agents),
        cmocka_unit_test(tabari_constructs),
        cmocka_unit_test(tabari_stray_lines),
        cmocka_unit_test(tabari_agents),
        cmocka_unit_test(petrarch_constructs),
        cmocka_unit_test(petrarch_agent_constructs),
        cmocka_unit_test(allocation_failures_are_clean),
    };
    return cmocka_run_group_tests_name("lexicon/peer", tests, NULL, NULL);
}
