/*
 * counts.c - how many: numbers in the text and the count facts they
 * state (killed, wounded, arrested, kidnapped, missing, displaced,
 * evacuated, refugees, troops deployed, crowd sizes, strikes).
 *
 * Numbers: digits with separators ("150,000", "14 000", "1.5 million"),
 * words ("three", "twenty-five", "a dozen", "two dozen", "hundreds of"),
 * with their qualifier as a precision ("about" approximate, "more than"
 * a lower bound, "up to" an upper bound, "20 to 30" a range).  Numbers
 * that are not counts are left out: years and dates (the date stage's
 * tokens), ages ("aged 25", "a 5-year-old"), money, percentages, times,
 * measures, and numbers that name ("Resolution 2334", "Route 66").
 *
 * A count is a number with what it counts (an object noun: civilians,
 * soldiers, troops, people, ..., or nothing: "three were killed") and a
 * type, from a cue after it ("were killed", "dead", "wounded"), before
 * it ("killing three", "accused of amassing 150,000 troops", "the death
 * toll rose to 12"), or from the object itself ("14 shellings", "2,000
 * refugees").  One person killed or wounded without a number ("a man was
 * shot and killed", "killing his wife") is a count of one.
 */
#include "extract.h"

#include <stdio.h>
#include <string.h>

#define MAX_COUNTS_PER_SENTENCE 16u

typedef struct cctx {
    const tc_count_input *in;
    uint32_t t0, n;           /* the sentence's first token, count */
    uint32_t sentence;
    uint8_t *skip;            /* tokens of dates: not numbers */
} cctx;

static const tc_tok *tok(const cctx *c, uint32_t j)
{
    return tc_vec_at(c->in->toks, c->t0 + j);
}

static bool is(const cctx *c, uint32_t j, const char *w)
{
    return j < c->n && tc_key_is(c->in->keys, c->t0 + j, w);
}

static bool in_list(const cctx *c, uint32_t j, const char *const *list)
{
    size_t k;
    for (k = 0; list[k]; k++)
        if (is(c, j, list[k]))
            return true;
    return false;
}

static int list_index(const cctx *c, uint32_t j, const char *const *list)
{
    int k;
    for (k = 0; list[k]; k++)
        if (is(c, j, list[k]))
            return k;
    return -1;
}

/* ---- Numbers ---------------------------------------------------------- */

/* The words a number may start with (besides digits), in byte order. */
static const char *const number_starts[] = {
    "a", "dozens", "eight", "eighteen", "eighty", "eleven", "fifteen",
    "fifty", "five", "forty", "four", "fourteen", "hundreds", "millions",
    "nine", "nineteen", "ninety", "one", "scores", "seven", "seventeen",
    "seventy", "six", "sixteen", "sixty", "ten", "tens", "thirteen", "thirty",
    "thousands", "three", "twelve", "twenty", "two", "zero",
};

/* The words a count of one may start with ("was [fatally] shot", "man
 * shot", "he died", "killing his wife", "the murder of"), in byte order. */
static const char *const singular_starts[] = {
    "accidentally", "allegedly", "also", "apparently", "aunt", "baby", "body",
    "boy", "boyfriend", "brother", "bystander", "child", "civilian", "clerk",
    "condition", "cousin", "critically", "customer", "daughter", "dead",
    "death", "deputy", "died", "dies", "driver", "employee", "eventually",
    "fatally", "father", "father-in-law", "fiance", "fiancee", "found",
    "friend", "girl", "girlfriend", "grandfather", "grandmother", "guard",
    "he", "homicide", "hospitalised", "hospitalized", "hurt", "husband",
    "infant", "injured", "injuries", "injury", "killed", "killing", "later",
    "man", "mortally", "mother", "murder", "murdered", "murdering",
    "neighbor", "neighbour", "nephew", "niece", "officer", "owner", "partner",
    "pastor", "person", "policeman", "pronounced", "reportedly", "resident",
    "roommate", "samaritan", "seriously", "she", "shooting", "shot", "sister",
    "slain", "slaying", "soldier", "son", "stepfather", "stepson", "struck",
    "student", "subsequently", "teacher", "teen", "teenager", "then",
    "toddler", "trooper", "uncle", "victim", "who", "wife", "woman", "worker",
    "wound", "wounded", "wounds",
};

#define N_NUMBER_STARTS (sizeof number_starts / sizeof number_starts[0])
#define N_SINGULAR_STARTS (sizeof singular_starts / sizeof singular_starts[0])

const char *const *tc_counts_starts(size_t *n, bool singular)
{
    *n = singular ? N_SINGULAR_STARTS : N_NUMBER_STARTS;
    return singular ? singular_starts : number_starts;
}

static bool starts(const cctx *c, uint32_t j, const char *const *list, size_t n)
{
    return tc_key_in_sorted(c->in->keys, c->t0 + j, list, n);
}

static const char *const units[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", NULL};
static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
                                   "sixty", "seventy", "eighty", "ninety",
                                   NULL};

static double scale_at(const cctx *c, uint32_t j)
{
    if (is(c, j, "hundred"))
        return 1e2;
    if (is(c, j, "thousand"))
        return 1e3;
    if (is(c, j, "million") || is(c, j, "mln"))
        return 1e6;
    if (is(c, j, "billion") || is(c, j, "bn"))
        return 1e9;
    return 0;
}

/* A digit token ("150,000", "1.5", "14"), or -1. */
static double digit_value(const cctx *c, uint32_t j, bool *grouped)
{
    size_t n, i;
    const char *k;
    double v = 0, frac = 0, div = 1;
    bool dot = false;
    *grouped = false;
    if (j >= c->n || tok(c, j)->kind != TC_TOKEN_NUMBER)
        return -1;
    k = tc_key_of(c->in->keys, c->t0 + j, &n);
    for (i = 0; i < n; i++) {
        char ch = k[i];
        if (ch >= '0' && ch <= '9') {
            if (dot) {
                div *= 10;
                frac += (ch - '0') / div;
            } else {
                v = v * 10 + (ch - '0');
            }
        } else if (ch == ',') {
            *grouped = true;
        } else if (ch == '.' && !dot) {
            dot = true;
        } else {
            return -1;
        }
    }
    return v + frac;
}

/* A number written in words at j: "three", "twenty-five", "a dozen",
 * "two dozen", "hundreds"; *end after it. */
static double word_value(const cctx *c, uint32_t j, uint32_t *end, bool *vague)
{
    int u, t;
    *vague = false;
    if ((t = list_index(c, j, tens)) >= 0) {
        double v = 20 + 10 * t;
        *end = j + 1;
        if (is(c, j + 1, "-") && (u = list_index(c, j + 2, units)) > 0 && u < 10) {
            v += u;
            *end = j + 3;
        }
        return v;
    }
    if ((u = list_index(c, j, units)) >= 0) {
        *end = j + 1;
        if (is(c, j + 1, "dozen")) {
            *end = j + 2;
            return 12.0 * u;
        }
        return u;
    }
    if ((is(c, j, "a") || is(c, j, "one")) && is(c, j + 1, "dozen")) {
        *end = j + 2;
        return 12;
    }
    if (is(c, j, "dozens") || is(c, j, "hundreds") || is(c, j, "thousands") ||
        is(c, j, "millions") || is(c, j, "scores")) {
        double v = is(c, j, "dozens") ? 24
                   : is(c, j, "hundreds") ? 200
                   : is(c, j, "thousands") ? 2000
                   : is(c, j, "scores") ? 40 : 2e6;
        *end = j + 1;
        /* "tens of thousands", "hundreds of thousands" */
        if (is(c, j + 1, "of") &&
            (is(c, j + 2, "thousands") || is(c, j + 2, "millions"))) {
            v *= is(c, j + 2, "thousands") ? 1000 : 1e6;
            *end = j + 3;
        }
        *vague = true;
        return v;
    }
    if (is(c, j, "tens") && is(c, j + 1, "of") && is(c, j + 2, "thousands")) {
        *end = j + 3;
        *vague = true;
        return 20000;
    }
    return -1;
}

/* The number at j without its qualifier. */
static bool bare_number(const cctx *c, uint32_t j, double *value, uint32_t *end,
                        bool *vague)
{
    bool grouped;
    double v = digit_value(c, j, &grouped), s;
    *vague = false;
    if (v >= 0) {
        *end = j + 1;
        /* "14 000": a group of three digits after a number under 1000 */
        if (!grouped && v < 1000 && *end < c->n &&
            tok(c, *end)->kind == TC_TOKEN_NUMBER &&
            tok(c, *end)->start == tok(c, j)->end + 1 &&
            tok(c, *end)->end - tok(c, *end)->start == 3) {
            bool g2;
            double w = digit_value(c, *end, &g2);
            if (w >= 0 && !g2) {
                v = v * 1000 + w;
                (*end)++;
            }
        }
    } else if ((v = word_value(c, j, end, vague)) < 0) {
        return false;
    }
    if ((s = scale_at(c, *end)) > 0) {
        v *= s;
        (*end)++;
    }
    *value = v;
    return true;
}

/* The qualifier before the number at j (tokens before j), with the first
 * token it uses in *start. */
static tc_num_precision qualifier(const cctx *c, uint32_t j, uint32_t *start)
{
    *start = j;
    if (j >= 2 && is(c, j - 1, "than") &&
        (is(c, j - 2, "more") || is(c, j - 2, "fewer") || is(c, j - 2, "less"))) {
        *start = j - 2;
        return is(c, j - 2, "more") ? TC_NUM_MIN : TC_NUM_MAX;
    }
    if (j >= 2 && is(c, j - 1, "least") && is(c, j - 2, "at")) {
        *start = j - 2;
        return TC_NUM_MIN;
    }
    if (j >= 2 && is(c, j - 1, "to") && is(c, j - 2, "up")) {
        *start = j - 2;
        return TC_NUM_MAX;
    }
    if (j >= 2 && is(c, j - 1, "estimated") && is(c, j - 2, "an")) {
        *start = j - 2;
        return TC_NUM_APPROX;
    }
    if (j >= 1) {
        if (is(c, j - 1, "about") || is(c, j - 1, "around") ||
            is(c, j - 1, "approximately") || is(c, j - 1, "roughly") ||
            is(c, j - 1, "some") || is(c, j - 1, "estimated")) {
            *start = j - 1;
            return TC_NUM_APPROX;
        }
        if (is(c, j - 1, "over") || is(c, j - 1, "exceeding")) {
            *start = j - 1;
            return TC_NUM_MIN;
        }
        if (is(c, j - 1, "nearly") || is(c, j - 1, "almost") ||
            is(c, j - 1, "under")) {
            *start = j - 1;
            return TC_NUM_MAX;
        }
    }
    return TC_NUM_EXACT;
}

static bool parse_number(const cctx *c, uint32_t j, tc_num *out)
{
    double v, hi;
    uint32_t end, e2, start;
    bool vague, vague2;
    if (!bare_number(c, j, &v, &end, &vague))
        return false;
    memset(out, 0, sizeof *out);
    out->precision = (uint8_t)qualifier(c, j, &start);
    if (vague && out->precision == TC_NUM_EXACT)
        out->precision = TC_NUM_MIN;
    out->value = out->high = v;
    /* 20 to 30, 20-30, between 20 and 30 */
    if ((is(c, end, "to") || is(c, end, "-") ||
         (is(c, end, "and") && start == j && j > 0 && is(c, j - 1, "between"))) &&
        bare_number(c, end + 1, &hi, &e2, &vague2) && hi > v && !vague2) {
        out->high = hi;
        out->precision = TC_NUM_RANGE;
        if (is(c, end, "and"))
            start = j - 1;
        end = e2;
    }
    out->tok0 = start;
    out->num0 = j;
    out->tok1 = end;
    return true;
}

/* Whether the number at [j, end) is something other than a count. */
static bool not_a_count(const cctx *c, uint32_t j, uint32_t end, double v)
{
    static const char *const naming[] = {
        "resolution", "article", "no", "number", "route", "flight", "chapter",
        "section", "page", "room", "apartment", "block", "unit", "highway",
        "interstate", "bus", "line", "platform", "gate", "paragraph", "act",
        "covid", "sars", "f", "mig", "su", "t", "model", "version", "aged",
        "age", "ages", "year", "years", "the", "its", NULL};
    static const char *const after[] = {
        "%", "percent", "per", "dollars", "euros", "pounds", "rubles",
        "roubles", "hryvnias", "yuan", "yen", "rupees", "usd", "eur",
        "km", "kilometres", "kilometers", "miles", "metres", "meters", "mm",
        "kg", "kilograms", "tons", "tonnes", "barrels", "hours", "minutes",
        "seconds", "days", "weeks", "months", "years", "year", "am", "pm",
        "a.m.", "p.m.", "gmt", "utc", "o'clock", "degrees", "points",
        "votes", "seats", "mph", "acres", "hectares", "feet", "foot",
        "inches", "yards", "times", "billion", "trillion", ":", "th", "st",
        "nd", "rounds", "bullets", "shots", "cartridges", NULL};
    size_t n;
    const char *k;
    if (j > 0) {
        k = tc_key_of(c->in->keys, c->t0 + j - 1, &n);
        if (n == 1 && (k[0] == '$' || k[0] == '#'))
            return true;
        if (n >= 2 && ((unsigned char)k[0] == 0xe2 || (unsigned char)k[0] == 0xc2))
            return true; /* euro and pound signs */
        /* "Resolution 2334"; "the 1990s" */
        if (in_list(c, j - 1, naming) && !(is(c, j - 1, "the") && v < 1000))
            return !(is(c, j - 1, "the") || is(c, j - 1, "its")) || v >= 1000;
    }
    if (end < c->n && in_list(c, end, after))
        return true;
    /* a 5-year-old, 25-year-old */
    if (is(c, end, "-") && (is(c, end + 1, "year") || is(c, end + 1, "month") ||
                            is(c, end + 1, "day") || is(c, end + 1, "storey")))
        return true;
    /* a name's age: "Smith, 25," */
    if (j > 0 && is(c, j - 1, ",") && is(c, end, ",") && v < 110 && j >= 2 &&
        (tok(c, j - 2)->flags & TC_TOKEN_CAPITALIZED))
        return true;
    /* "Jan. 27", "March 3" when the date stage could not read it */
    if (j > 0 && tok(c, j - 1)->kind == TC_TOKEN_WORD &&
        (tok(c, j - 1)->flags & TC_TOKEN_CAPITALIZED) && v <= 31 &&
        (is(c, j - 1, "jan") || is(c, j - 1, "feb") || is(c, j - 1, "mar") ||
         is(c, j - 1, "apr") || is(c, j - 1, "jun") || is(c, j - 1, "jul") ||
         is(c, j - 1, "aug") || is(c, j - 1, "sep") || is(c, j - 1, "sept") ||
         is(c, j - 1, "oct") || is(c, j - 1, "nov") || is(c, j - 1, "dec")))
        return true;
    /* "a 911 call", "a 24-hour curfew" */
    if (is(c, end, "call") || is(c, end, "calls") || is(c, end, "-"))
        return true;
    /* a year alone: four digits ("2,000" is a number) */
    if (v >= 1900 && v <= 2100 && end == j + 1 && tok(c, j)->kind == TC_TOKEN_NUMBER &&
        tok(c, j)->end - tok(c, j)->start == 4)
        return true;
    return false;
}

/* ---- Objects and cues ------------------------------------------------- */

typedef struct object_word {
    const char *word;
    const char *cls;     /* the object class written out */
    const char *agent;   /* CAMEO role code */
    int8_t type;         /* tc_count_type it implies, or -1 */
} object_word;

static const object_word objects[] = {
    {"civilians", "civilians", "CVL", -1}, {"civilian", "civilians", "CVL", -1},
    {"people", "people", "CVL", -1}, {"persons", "people", "CVL", -1},
    {"person", "people", "CVL", -1}, {"residents", "people", "CVL", -1},
    {"villagers", "people", "CVL", -1}, {"inhabitants", "people", "CVL", -1},
    {"passengers", "people", "CVL", -1}, {"workers", "people", "CVL", -1},
    {"men", "people", "CVL", -1}, {"women", "people", "CVL", -1},
    {"man", "people", "CVL", -1}, {"woman", "people", "CVL", -1},
    {"victims", "people", "CVL", -1}, {"victim", "people", "CVL", -1},
    {"individuals", "people", "CVL", -1}, {"others", "people", "CVL", -1},
    {"teenagers", "people", "CVL", -1}, {"teens", "people", "CVL", -1},
    {"students", "people", "CVL", -1}, {"family", "people", "CVL", -1},
    {"children", "children", "CVL", -1}, {"child", "children", "CVL", -1},
    {"kids", "children", "CVL", -1}, {"boys", "children", "CVL", -1},
    {"girls", "children", "CVL", -1}, {"infants", "children", "CVL", -1},
    {"babies", "children", "CVL", -1}, {"minors", "children", "CVL", -1},
    {"soldiers", "soldiers", "MIL", -1}, {"soldier", "soldiers", "MIL", -1},
    {"servicemen", "soldiers", "MIL", -1}, {"serviceman", "soldiers", "MIL", -1},
    {"marines", "soldiers", "MIL", -1}, {"peacekeepers", "soldiers", "MIL", -1},
    {"personnel", "soldiers", "MIL", -1}, {"service", "soldiers", "MIL", -1},
    {"troops", "troops", "MIL", TC_COUNT_DEPLOY},
    {"police", "police", "COP", -1}, {"policemen", "police", "COP", -1},
    {"officers", "police", "COP", -1}, {"officer", "police", "COP", -1},
    {"policeman", "police", "COP", -1}, {"guards", "police", "COP", -1},
    {"militants", "militants", "REB", -1}, {"fighters", "militants", "REB", -1},
    {"rebels", "militants", "REB", -1}, {"insurgents", "militants", "REB", -1},
    {"separatists", "militants", "REB", -1}, {"gunmen", "militants", "REB", -1},
    {"journalists", "journalists", "MED", -1},
    {"protesters", "protesters", "CVL", TC_COUNT_PROTEST},
    {"protestors", "protesters", "CVL", TC_COUNT_PROTEST},
    {"demonstrators", "protesters", "CVL", TC_COUNT_PROTEST},
    {"marchers", "protesters", "CVL", TC_COUNT_PROTEST},
    {"refugees", "refugees", "REF", TC_COUNT_REFUGEE},
    {"migrants", "migrants", "REF", -1},
    {"hostages", "hostages", "CVL", TC_COUNT_KIDNAP},
    {"prisoners", "prisoners", "", TC_COUNT_ARREST},
    {"detainees", "prisoners", "", TC_COUNT_ARREST},
    {"deaths", "people", "", TC_COUNT_KILL}, {"dead", "people", "", TC_COUNT_KILL},
    {"fatalities", "people", "", TC_COUNT_KILL},
    {"bodies", "people", "", TC_COUNT_KILL},
    {"injuries", "people", "", TC_COUNT_WOUND},
    {"shellings", "shellings", "", TC_COUNT_ATTACK},
    {"strikes", "strikes", "", TC_COUNT_ATTACK},
    {"airstrikes", "strikes", "", TC_COUNT_ATTACK},
    {"raids", "strikes", "", TC_COUNT_ATTACK},
    {"rockets", "rockets", "", TC_COUNT_ATTACK},
    {"missiles", "missiles", "", TC_COUNT_ATTACK},
    {"shells", "shells", "", TC_COUNT_ATTACK},
    {"drones", "drones", "", TC_COUNT_ATTACK},
    {"attacks", "attacks", "", TC_COUNT_ATTACK},
    {"explosions", "explosions", "", TC_COUNT_ATTACK},
    {"bombings", "attacks", "", TC_COUNT_ATTACK},
    {"violations", "attacks", "", TC_COUNT_ATTACK},
    /* singular after a number above one: "14 shelling" (a translation) */
    {"shelling", "shellings", "", TC_COUNT_ATTACK},
    {"strike", "strikes", "", TC_COUNT_ATTACK},
    {"airstrike", "strikes", "", TC_COUNT_ATTACK},
    {"rocket", "rockets", "", TC_COUNT_ATTACK},
    {"missile", "missiles", "", TC_COUNT_ATTACK},
    {"attack", "attacks", "", TC_COUNT_ATTACK},
    {"explosion", "explosions", "", TC_COUNT_ATTACK},
    {NULL, NULL, NULL, -1}};

static const object_word *object_at(const cctx *c, uint32_t j)
{
    size_t k;
    for (k = 0; objects[k].word; k++)
        if (is(c, j, objects[k].word))
            return &objects[k];
    return NULL;
}

typedef struct cue {
    const char *word;
    int8_t type;
} cue;

/* Cues after the counted thing ("three civilians were killed"). */
static const cue after_cues[] = {
    {"killed", TC_COUNT_KILL}, {"dead", TC_COUNT_KILL}, {"died", TC_COUNT_KILL},
    {"perished", TC_COUNT_KILL}, {"slain", TC_COUNT_KILL},
    {"murdered", TC_COUNT_KILL}, {"executed", TC_COUNT_KILL},
    {"die", TC_COUNT_KILL}, {"lost", TC_COUNT_KILL},
    {"wounded", TC_COUNT_WOUND}, {"injured", TC_COUNT_WOUND},
    {"hurt", TC_COUNT_WOUND}, {"hospitalized", TC_COUNT_WOUND},
    {"hospitalised", TC_COUNT_WOUND},
    {"arrested", TC_COUNT_ARREST}, {"detained", TC_COUNT_ARREST},
    {"jailed", TC_COUNT_ARREST}, {"apprehended", TC_COUNT_ARREST},
    {"kidnapped", TC_COUNT_KIDNAP}, {"abducted", TC_COUNT_KIDNAP},
    {"missing", TC_COUNT_MISSING}, {"unaccounted", TC_COUNT_MISSING},
    {"displaced", TC_COUNT_DISPLACE}, {"fled", TC_COUNT_DISPLACE},
    {"homeless", TC_COUNT_DISPLACE}, {"uprooted", TC_COUNT_DISPLACE},
    {"evacuated", TC_COUNT_EVACUATE}, {"deployed", TC_COUNT_DEPLOY},
    {"amassed", TC_COUNT_DEPLOY}, {"massed", TC_COUNT_DEPLOY},
    {"stationed", TC_COUNT_DEPLOY}, {"protested", TC_COUNT_PROTEST},
    {"marched", TC_COUNT_PROTEST}, {"rallied", TC_COUNT_PROTEST},
    {"demonstrated", TC_COUNT_PROTEST}, {NULL, -1}};

/* Cues before the number ("killing three", "amassing 150,000"). */
static const cue before_cues[] = {
    {"killed", TC_COUNT_KILL}, {"killing", TC_COUNT_KILL},
    {"kills", TC_COUNT_KILL}, {"kill", TC_COUNT_KILL},
    {"toll", TC_COUNT_KILL},
    {"wounded", TC_COUNT_WOUND}, {"wounding", TC_COUNT_WOUND},
    {"injured", TC_COUNT_WOUND}, {"injuring", TC_COUNT_WOUND},
    {"arrested", TC_COUNT_ARREST}, {"arresting", TC_COUNT_ARREST},
    {"detained", TC_COUNT_ARREST}, {"detaining", TC_COUNT_ARREST},
    {"kidnapped", TC_COUNT_KIDNAP}, {"abducted", TC_COUNT_KIDNAP},
    {"kidnapping", TC_COUNT_KIDNAP}, {"abducting", TC_COUNT_KIDNAP},
    {"displaced", TC_COUNT_DISPLACE}, {"displacing", TC_COUNT_DISPLACE},
    {"evacuated", TC_COUNT_EVACUATE}, {"evacuating", TC_COUNT_EVACUATE},
    {"evacuation", TC_COUNT_EVACUATE}, {"evacuate", TC_COUNT_EVACUATE},
    {"amassing", TC_COUNT_DEPLOY}, {"amassed", TC_COUNT_DEPLOY},
    {"massing", TC_COUNT_DEPLOY}, {"massed", TC_COUNT_DEPLOY},
    {"deployed", TC_COUNT_DEPLOY}, {"deploying", TC_COUNT_DEPLOY},
    {"deploy", TC_COUNT_DEPLOY}, {"sent", TC_COUNT_DEPLOY},
    {"sending", TC_COUNT_DEPLOY}, {"send", TC_COUNT_DEPLOY},
    {"stationed", TC_COUNT_DEPLOY}, {"fired", TC_COUNT_ATTACK},
    {"launched", TC_COUNT_ATTACK}, {"firing", TC_COUNT_ATTACK},
    {"launching", TC_COUNT_ATTACK}, {NULL, -1}};

static int cue_type(const cctx *c, uint32_t j, const cue *list)
{
    size_t k;
    for (k = 0; list[k].word; k++)
        if (is(c, j, list[k].word))
            return list[k].type;
    return -1;
}

/* Words that may stand between a count and its cue. */
static const char *const between[] = {
    "were", "was", "have", "has", "had", "been", "be", "being", "are", "is",
    "reportedly", "also", "later", "all", "reported", "confirmed",
    "believed", "feared", "thought", "said", "to", "who", "and", "or",
    "in", "the", "attack", "shooting", "clashes", "fighting", "blast",
    "allegedly", "either", "seriously", "critically", "fatally",
    "badly", "slightly", "left", "now", "already", "so", "far", "since",
    "subsequently", "eventually", "got", "people", NULL};

/* The type of the count whose number or object ends at `j` (exclusive),
 * from a cue after it; *cue_end after the cue. */
static int cue_after(const cctx *c, uint32_t j, uint32_t *cue_end, bool *weak)
{
    uint32_t k;
    *weak = false;
    for (k = j; k < c->n && k < j + 6; k++) {
        int t = cue_type(c, k, after_cues);
        /* "shot" says nothing alone: "shot dead", "shot and killed",
         * "fatally shot", "shot and wounded" */
        /* "one shot was fired": a gunshot, not a victim; "people who shot
         * at", "who shot him": the shooters */
        if (t < 0 && is(c, k, "shot") &&
            (k == j || is(c, k + 1, "at") || (k > 0 && is(c, k - 1, "who"))))
            return -1;
        if (t < 0 && is(c, k, "shot")) {
            if (is(c, k + 1, "dead") || (is(c, k + 1, "and") && is(c, k + 2, "killed")) ||
                (k > 0 && is(c, k - 1, "fatally"))) {
                *cue_end = k + 2;
                return TC_COUNT_KILL;
            }
            if (is(c, k + 1, "and") && (is(c, k + 2, "wounded") || is(c, k + 2, "injured"))) {
                *cue_end = k + 3;
                return TC_COUNT_WOUND;
            }
            *cue_end = k + 1;
            *weak = true; /* shot: wounded at least, perhaps killed */
            return TC_COUNT_WOUND;
        }
        if (t >= 0) {
            *cue_end = k + 1;
            return t;
        }
        if (!in_list(c, k, between) || tok(c, k)->kind == TC_TOKEN_NUMBER)
            return -1;
    }
    return -1;
}

/* The type from a cue before the number at j (up to four tokens back,
 * not over another number); *cue_start at the cue. */
static int cue_before(const cctx *c, uint32_t j, uint32_t *cue_start)
{
    static const char *const stops[] = {"after", "before", "when", "while",
                                        "himself", "herself", "themselves",
                                        "since", "as", ",", NULL};
    uint32_t k, steps;
    for (k = j, steps = 0; k > 0 && steps < 4; steps++) {
        int t;
        k--;
        if (tok(c, k)->kind == TC_TOKEN_NUMBER || is(c, k, ".") || is(c, k, ";") ||
            in_list(c, k, stops))
            return -1;
        t = cue_type(c, k, before_cues);
        if (t >= 0) {
            /* "sent" and "fired" need something sendable: checked by caller */
            *cue_start = k;
            return t;
        }
    }
    return -1;
}

/* ---- Counts ----------------------------------------------------------- */

static int32_t mention_covering(const cctx *c, uint32_t j)
{
    const tc_vec *m = c->in->mentions;
    size_t lo = 0, hi = m->n;
    uint32_t t = c->t0 + j;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const tc_mention *x = tc_vec_at(m, mid);
        if (x->tok1 <= t)
            lo = mid + 1;
        else if (x->tok0 > t)
            hi = mid;
        else
            return (int32_t)mid;
    }
    return -1;
}

/* The country of the sentence's object: the mention that covers the
 * object or stands right before it ("Ukrainian soldiers"), or the first
 * country named in the sentence. */
static void object_code(const cctx *c, uint32_t obj0, uint32_t obj1,
                        const object_word *ow, char *out, size_t cap)
{
    int32_t m = -1;
    uint32_t k;
    out[0] = '\0';
    for (k = obj0; k < obj1 && m < 0; k++)
        m = mention_covering(c, k);
    if (m >= 0) {
        const tc_mention *x = tc_vec_at(c->in->mentions, (size_t)m);
        if (x->agent[0] || !ow->agent[0]) {
            snprintf(out, cap, "%s", x->code);
            return;
        }
        if (x->country[0]) {
            snprintf(out, cap, "%s%s", x->country, ow->agent);
            return;
        }
    }
    if (ow->agent[0])
        snprintf(out, cap, "%s", ow->agent);
}

/* The actor that did it: "by X" after the evidence, else (for deploying,
 * attacking, arresting) the first actor of the sentence before it. */
static int32_t doer(const cctx *c, uint32_t start, uint32_t end, int type)
{
    uint32_t k;
    for (k = end; k < c->n && k < end + 3; k++)
        if (is(c, k, "by")) {
            int32_t m = k + 1 < c->n ? mention_covering(c, k + 1) : -1;
            if (m < 0 && k + 2 < c->n)
                m = mention_covering(c, k + 2);
            return m;
        }
    if (type == TC_COUNT_DEPLOY || type == TC_COUNT_ATTACK ||
        type == TC_COUNT_ARREST || type == TC_COUNT_KIDNAP)
        for (k = 0; k < start; k++) {
            int32_t m = mention_covering(c, k);
            if (m >= 0)
                return m;
        }
    return -1;
}

/* Whether a semicolon or colon stands between sentence tokens a and b. */
static bool clause_break(const cctx *c, uint32_t a, uint32_t b)
{
    uint32_t k;
    for (k = a; k < b && k < c->n; k++)
        if (is(c, k, ";") || is(c, k, ":"))
            return true;
    return false;
}

static tc_status push(cctx *c, tc_vec *out, const tc_num *num, int type,
                      const object_word *ow, uint32_t obj0, uint32_t obj1,
                      uint32_t ev0, uint32_t ev1)
{
    tc_status st;
    tc_count_rec *r;
    int32_t d;
    const tc_date_rec *date;
    size_t k;
    for (k = out->n; k-- > 0;) {
        const tc_count_rec *p = tc_vec_at(out, k);
        if (p->sentence != c->sentence)
            break;
        if (p->num0 == c->t0 + num->num0)
            return TC_OK; /* one count per number */
    }
    r = tc_vec_push(out, &st);
    if (!r)
        return st;
    memset(r, 0, sizeof *r);
    r->sentence = c->sentence;
    r->tok0 = c->t0 + ev0;
    r->tok1 = c->t0 + ev1;
    r->num0 = c->t0 + num->num0;
    r->num1 = c->t0 + num->tok1;
    r->type = (uint8_t)type;
    r->precision = num->precision;
    r->number = num->value;
    r->high = num->high;
    r->object = ow ? ow->cls : "people";
    if (ow)
        object_code(c, obj0, obj1, ow, r->object_code, sizeof r->object_code);
    else
        snprintf(r->object_code, sizeof r->object_code, "CVL");
    d = doer(c, ev0, ev1, type);
    r->actor = d;
    date = tc_date_near(c->in->dates, c->sentence, r->num0);
    r->date = date ? date->day : c->in->day;
    r->date_end = date ? date->end : c->in->day;
    r->date_precision = date ? date->precision : TC_DATE_DAY;
    r->dated = date != NULL;
    /* "more than 14,000 people since 2014": a running total, when the
     * "since" follows the number in the same clause */
    for (k = tc_dates_first(c->in->dates, c->sentence);
         k < c->in->dates->n &&
         ((const tc_date_rec *)tc_vec_at(c->in->dates, k))->sentence == c->sentence;
         k++) {
        const tc_date_rec *x = tc_vec_at(c->in->dates, k);
        if (x->since && x->tok0 > r->num0 &&
            !clause_break(c, r->num0 - c->t0, x->tok0 - c->t0)) {
            r->cumulative = 1;
            r->since_year = x->since_year;
            r->date = x->day;
            r->date_end = x->end;
            r->date_precision = TC_DATE_RANGE;
            r->dated = true;
        }
    }
    return TC_OK;
}

/* The object noun after a number: up to three modifiers may stand
 * between ("150,000 Russian troops", "three young children"). */
static const object_word *find_object(const cctx *c, uint32_t end,
                                      uint32_t *obj0, uint32_t *obj1)
{
    uint32_t k;
    for (k = end; k < c->n && k < end + 4; k++) {
        const object_word *ow = object_at(c, k);
        if (ow) {
            /* "police officers", "service members": two words */
            *obj0 = end;
            *obj1 = k + 1;
            if ((is(c, k, "police") || is(c, k, "service") || is(c, k, "family")) &&
                k + 1 < c->n && (is(c, k + 1, "officers") || is(c, k + 1, "members")))
                *obj1 = k + 2;
            if (is(c, k, "service") && *obj1 == k + 1)
                return NULL;
            return ow;
        }
        if (tok(c, k)->kind != TC_TOKEN_WORD || cue_type(c, k, after_cues) >= 0 ||
            in_list(c, k, between) || is(c, k, "of") || is(c, k, "than"))
            break;
    }
    /* "hundreds of civilians", "dozens of people" */
    if (is(c, end, "of") && (k = end + 1) < c->n) {
        uint32_t skip = is(c, k, "the") ? 1 : 0;
        const object_word *ow = object_at(c, k + skip);
        if (ow) {
            *obj0 = end;
            *obj1 = k + skip + 1;
            return ow;
        }
    }
    return NULL;
}

/* One person killed or wounded without a number: "a man was shot and
 * killed", "Smith, 25, was killed", "killing his wife", "he died later",
 * "the fatal shooting of", "Man shot, killed". */
static const char *const person[] = {
    "man", "woman", "boy", "girl", "teenager", "teen", "child", "victim",
    "wife", "husband", "son", "daughter", "mother", "father", "brother",
    "sister", "friend", "girlfriend", "boyfriend", "officer", "soldier",
    "civilian", "policeman", "resident", "driver", "student", "toddler",
    "baby", "infant", "neighbor", "neighbour", "person", "cousin", "uncle",
    "nephew", "niece", "aunt", "guard", "worker", "owner", "clerk",
    "grandmother", "grandfather", "father-in-law", "roommate", "deputy",
    "trooper", "teacher", "pastor", "bystander", "customer", "employee",
    "stepfather", "stepson", "fiance", "fiancee", "partner", "samaritan",
    "he", "she", "who", NULL};

static bool person_at(const cctx *c, uint32_t k)
{
    return k < c->n && in_list(c, k, person);
}

/* A person within `span` tokens after k ("a 22-year-old Summerville man",
 * "officer Sean Bolton", "his 9-year-old sister"); its index or 0. */
static uint32_t person_after(const cctx *c, uint32_t k, uint32_t span)
{
    uint32_t j;
    for (j = k; j < c->n && j < k + span; j++) {
        if (person_at(c, j) && !is(c, j, "who"))
            return j + 1;
        if (is(c, j, ".") || is(c, j, ";") || is(c, j, "and") ||
            is(c, j, "in") || is(c, j, "at") || is(c, j, "on"))
            return 0;
    }
    return 0;
}

/* A person within `span` tokens before k, or a name ending right before
 * it ("Lelangel Holmes was found"). */
static bool person_before(const cctx *c, uint32_t k, uint32_t span)
{
    uint32_t j, steps;
    for (j = k, steps = 0; j > 0 && steps < span; steps++) {
        j--;
        if (person_at(c, j))
            return true;
        if (is(c, j, ".") || is(c, j, ";"))
            return false;
        /* a name: "Bratcher, 32, died" */
        if (j > 0 && tok(c, j)->kind == TC_TOKEN_WORD &&
            (tok(c, j)->flags & TC_TOKEN_CAPITALIZED))
            return true;
    }
    return false;
}

/* Whether the words before token k deny it: "no one was hurt", "nobody
 * was killed", "no officers were injured", "was not injured". */
static bool denied(const cctx *c, uint32_t k)
{
    uint32_t j, steps;
    for (j = k, steps = 0; j > 0 && steps < 5; steps++) {
        j--;
        if (is(c, j, "no") || is(c, j, "nobody") || is(c, j, "none") ||
            is(c, j, "not") || is(c, j, "n't") || is(c, j, "never") ||
            is(c, j, "neither") || is(c, j, "nor"))
            return true;
        if (is(c, j, ",") || is(c, j, ";") || is(c, j, "and") || is(c, j, "but"))
            return false;
    }
    return false;
}

static bool kill_word(const cctx *c, uint32_t k)
{
    return is(c, k, "killed") || is(c, k, "killing") || is(c, k, "murdered") ||
           is(c, k, "murdering") || is(c, k, "slain") || is(c, k, "slaying") ||
           (is(c, k, "shooting") && k > 0 && is(c, k - 1, "fatally")) ||
           (is(c, k, "shot") && k > 0 && is(c, k - 1, "fatally"));
}

/* Whether the sentence's numbered counts (from `first`) include `type`. */
static bool has_type(const tc_vec *out, size_t first, int type)
{
    size_t i;
    for (i = first; i < out->n; i++)
        if (((const tc_count_rec *)tc_vec_at(out, i))->type == type)
            return true;
    return false;
}

static tc_status singular(cctx *c, tc_vec *out, size_t first)
{
    uint32_t k;
    /* "one person has died and a second was injured": a count of one
     * only for what the numbers did not count */
    bool killed = has_type(out, first, TC_COUNT_KILL),
         wounded = has_type(out, first, TC_COUNT_WOUND);
    for (k = 0; k < c->n; k++) {
        int type = -1;
        uint32_t cue_end = k + 1, at = k, p;
        tc_num num;
        tc_status st;
        bool weak = false;
        static const char *const adverbs[] = {
            "fatally", "critically", "seriously", "later", "also", "subsequently",
            "then", "reportedly", "allegedly", "apparently", "accidentally",
            "eventually", "mortally", NULL};
        bool aux;
        if (!starts(c, k, singular_starts, N_SINGULAR_STARTS))
            continue;
        aux = k > 0 && (is(c, k - 1, "was") || is(c, k - 1, "is") ||
                        (k >= 2 && is(c, k - 1, "been")));
        /* a person without an auxiliary, as headlines write: "Man fatally
         * shot by police", "Man shot and killed on ..." */
        bool bare = k > 0 && person_at(c, k - 1) && !is(c, k - 1, "who") &&
                    !is(c, k - 1, "he") && !is(c, k - 1, "she");
        if (!aux && !bare)
            aux = false;
        while (at < c->n && at < k + 2 && in_list(c, at, adverbs))
            at++;
        if (bare && !aux && (is(c, at, "shot") || is(c, at, "found")) &&
            (is(c, at + 1, "dead") || (is(c, at + 1, "and") && is(c, at + 2, "killed")) ||
             (at > k && is(c, at - 1, "fatally"))))
            aux = true;
        if (aux && is(c, at, "shot") &&
            (is(c, at + 1, "dead") || (is(c, at + 1, "and") && is(c, at + 2, "killed")) ||
             is(c, at - 1, "fatally"))) {
            type = TC_COUNT_KILL; /* was shot and killed, was fatally shot */
            cue_end = is(c, at + 1, "and") ? at + 3 : at + 1 + is(c, at + 1, "dead");
        } else if (aux && (is(c, at, "killed") || is(c, at, "murdered") ||
                           is(c, at, "slain") ||
                           ((is(c, at, "found") || is(c, at, "pronounced")) &&
                            (is(c, at + 1, "dead") ||
                             (is(c, at + 1, "shot") && is(c, at + 2, "dead")))))) {
            type = TC_COUNT_KILL;
            cue_end = at + 1;
        } else if (aux && is(c, at, "shot") && is(c, at + 1, "and") &&
                   (is(c, at + 2, "wounded") || is(c, at + 2, "injured"))) {
            type = TC_COUNT_WOUND;
            cue_end = at + 3;
        } else if (aux && (is(c, at, "wounded") || is(c, at, "injured") ||
                           is(c, at, "hospitalized") || is(c, at, "hospitalised") ||
                           is(c, at, "hurt"))) {
            type = TC_COUNT_WOUND;
        } else if (k > 0 && person_at(c, k - 1) && !is(c, k - 1, "who") &&
                   !is(c, k - 1, "he") && !is(c, k - 1, "she") &&
                   (is(c, k, "injured") || is(c, k, "hurt") || is(c, k, "wounded")) &&
                   !is(c, k + 1, "by")) {
            type = TC_COUNT_WOUND; /* headline: "Man injured in shooting" */
        } else if ((aux && is(c, at, "shot")) ||
                   (is(c, k, "shot") && k >= 2 && is(c, k - 1, "being") &&
                    is(c, k - 2, "after")) ||
                   (person_at(c, k) && !is(c, k, "who") && is(c, k + 1, "shot") &&
                    !is(c, k + 2, ",")) ||
                   (is(c, k, "shot") && k > 0 && !is(c, k - 1, "a") &&
                    !is(c, k - 1, "the") && person_after(c, k + 1, 3)) ||
                   (is(c, k, "condition") && k > 0 &&
                    (is(c, k - 1, "critical") || is(c, k - 1, "serious") ||
                     is(c, k - 1, "stable") || is(c, k - 1, "fair"))) ||
                   ((is(c, k, "wound") || is(c, k, "wounds")) && k > 0 &&
                    (is(c, k - 1, "gunshot") || is(c, k - 1, "for"))) ||
                   ((is(c, k, "injuries") || is(c, k, "injury")) && k > 0 &&
                    (is(c, k - 1, "threatening") || is(c, k - 1, "minor") ||
                     is(c, k - 1, "serious") || is(c, k - 1, "critical") ||
                     is(c, k - 1, "severe") || is(c, k - 1, "with"))) ||
                   (aux && is(c, at, "found") && is(c, at + 1, "shot")) ||
                   (aux && is(c, at, "struck") &&
                    (is(c, at + 1, "by") || is(c, at + 1, "in") || is(c, at + 1, "."))) ||
                   ((is(c, k, "wounded") || is(c, k, "injured")) && k >= 2 &&
                    (is(c, k - 2, "left") || is(c, k - 3, "left")) &&
                    (is(c, k - 1, "man") || is(c, k - 1, "woman") ||
                     tok(c, k - 1)->kind == TC_TOKEN_NUMBER ||
                     is(c, k - 1, "old") || person_at(c, k - 1)))) {
            type = TC_COUNT_WOUND;
            /* shot, struck, a gunshot wound: perhaps killed (weak); injuries
             * or "left ... wounded" say the person lived */
            weak = !is(c, k, "injuries") && !is(c, k, "injury") &&
                   !is(c, k, "wounded") && !is(c, k, "injured");
        } else if ((is(c, k, "died") || (is(c, k, "dies") && k > 0)) &&
                   person_before(c, k, 4) && !(k > 0 && is(c, k - 1, "have"))) {
            type = TC_COUNT_KILL; /* "he died later", "a man has died" */
        } else if (person_at(c, k) && !is(c, k, "who") && !is(c, k, "he") &&
                   !is(c, k, "she") && is(c, k + 1, "shot") &&
                   is(c, k + 2, ",") && is(c, k + 3, "killed")) {
            type = TC_COUNT_KILL; /* headline: "Man shot, killed" */
            cue_end = k + 4;
        } else if (person_at(c, k) && !is(c, k, "who") && is(c, k + 1, "killed") &&
                   !is(c, k - 1, "a") && k + 2 < c->n &&
                   (is(c, k + 2, "in") || is(c, k + 2, "at") || is(c, k + 2, "on") ||
                    is(c, k + 2, "after") || is(c, k + 2, "by"))) {
            type = TC_COUNT_KILL; /* "man killed in ..." */
            cue_end = k + 2;
        } else if (kill_word(c, k) && (p = person_after(c, k + 1, 5)) != 0) {
            type = TC_COUNT_KILL; /* "killing his wife", "shot and killed a man" */
            cue_end = p;
        } else if ((is(c, k, "shooting") || is(c, k, "murder") || is(c, k, "slaying") ||
                    is(c, k, "homicide")) && is(c, k + 1, "of") &&
                   ((k > 0 && (is(c, k - 1, "fatal") || is(c, k - 1, "deadly"))) ||
                    is(c, k, "murder") || is(c, k, "slaying")) &&
                   k + 2 < c->n) {
            type = TC_COUNT_KILL; /* "the fatal shooting of", "the murder of" */
            cue_end = k + 3;
        } else if ((is(c, k, "death") && k > 0 && is(c, k - 1, "shooting")) ||
                   (is(c, k, "shooting") && k > 0 &&
                    (is(c, k - 1, "fatal") || is(c, k - 1, "deadly"))) ||
                   (is(c, k, "homicide") && !(k > 0 && is(c, k - 1, "attempted"))) ||
                   (is(c, k, "murder") && !(k > 0 && (is(c, k - 1, "attempted") ||
                                                      is(c, k - 1, "attempt")))) ||
                   (is(c, k, "body") && k > 0 &&
                    (is(c, k - 1, "'s") || is(c, k - 1, "his") || is(c, k - 1, "her")) &&
                    (is(c, k + 1, "was") || is(c, k + 1, "is")) &&
                    is(c, k + 2, "found")) ||
                   (is(c, k, "dead") && k > 0 && person_at(c, k - 1) &&
                    (is(c, k + 1, "from") || is(c, k + 1, "after")))) {
            type = TC_COUNT_KILL; /* a fatal shooting, a homicide: one dead */
            cue_end = k + 1;
        }
        if (type < 0 || (type == TC_COUNT_WOUND && ((killed && weak) || wounded)))
            continue;
        if (denied(c, k))
            continue; /* "no one was hurt", "nobody was killed" */
        if (type == TC_COUNT_KILL) {
            if (killed)
                continue; /* one count of one per sentence */
            killed = true;
        }
        memset(&num, 0, sizeof num);
        num.value = num.high = 1;
        num.num0 = num.tok0 = k;
        num.tok1 = k + 1;
        st = push(c, out, &num, type, NULL, k, k, k, cue_end > k ? cue_end : k + 1);
        if (st != TC_OK)
            return st;
        ((tc_count_rec *)tc_vec_at(out, out->n - 1))->singular = 1;
        ((tc_count_rec *)tc_vec_at(out, out->n - 1))->weak = weak;
        if (type == TC_COUNT_WOUND)
            wounded = true; /* one count of one per sentence */
    }
    /* "suffered a gunshot wound ... where he died": the wound is the death */
    if (killed) {
        size_t i, o = 0;
        for (i = 0; i < out->n; i++) {
            tc_count_rec *r = tc_vec_at(out, i);
            if (r->sentence == c->sentence && r->singular && r->weak &&
                r->type == TC_COUNT_WOUND)
                continue;
            if (o != i)
                *(tc_count_rec *)tc_vec_at(out, o) = *r;
            o++;
        }
        out->n = o;
    }
    return TC_OK;
}

static bool date_token(const cctx *c, uint32_t j)
{
    return c->skip[j] != 0;
}

static void mark_dates(cctx *c)
{
    const tc_vec *d = c->in->dates;
    size_t i;
    memset(c->skip, 0, c->n);
    for (i = tc_dates_first(d, c->sentence); i < d->n; i++) {
        const tc_date_rec *r = tc_vec_at(d, i);
        uint32_t k;
        if (r->sentence != c->sentence)
            break;
        for (k = r->tok0; k < r->tok1; k++)
            if (k >= c->t0 && k < c->t0 + c->n)
                c->skip[k - c->t0] = 1;
    }
}

static tc_status sentence_counts(cctx *c, tc_vec *out)
{
    uint32_t j = 0;
    size_t first = out->n;
    const object_word *last_object = NULL;
    tc_status st = TC_OK;
    while (j < c->n && st == TC_OK && out->n - first < MAX_COUNTS_PER_SENTENCE) {
        tc_num num;
        const object_word *ow;
        uint32_t obj0 = 0, obj1 = 0, cue_end = 0, cue_start = 0, ev0, ev1;
        int type = -1, before;
        bool weak = false;
        if (date_token(c, j) ||
            (tok(c, j)->kind != TC_TOKEN_NUMBER &&
             !starts(c, j, number_starts, N_NUMBER_STARTS)) ||
            !parse_number(c, j, &num) ||
            not_a_count(c, j, num.tok1, num.value)) {
            j++;
            continue;
        }
        ow = find_object(c, num.tok1, &obj0, &obj1);
        ev0 = num.tok0;
        ev1 = ow ? obj1 : num.tok1;
        type = cue_after(c, ev1, &cue_end, &weak);
        if (type >= 0)
            ev1 = cue_end;
        before = cue_before(c, num.tok0, &cue_start);
        /* "sent 5,000 troops", "fired 30 rockets": only with such objects */
        if (before == TC_COUNT_DEPLOY && !(ow && ow->type == TC_COUNT_DEPLOY))
            before = -1;
        if (before == TC_COUNT_ATTACK && !(ow && ow->type == TC_COUNT_ATTACK))
            before = -1;
        if (type < 0 && before >= 0) {
            type = before;
            ev0 = cue_start;
        }
        if (type < 0 && ow && ow->type >= 0)
            type = ow->type;
        /* "and five wounded": the object of the count before */
        if (!ow && type >= 0 && last_object)
            ow = last_object;
        if (type >= 0 && (ow || type == TC_COUNT_KILL || type == TC_COUNT_WOUND ||
                          type == TC_COUNT_ARREST || type == TC_COUNT_KIDNAP ||
                          type == TC_COUNT_MISSING || type == TC_COUNT_EVACUATE ||
                          type == TC_COUNT_DISPLACE)) {
            st = push(c, out, &num, type, ow, obj0, obj1, ev0, ev1);
            if (st == TC_OK && weak)
                ((tc_count_rec *)tc_vec_at(out, out->n - 1))->weak = 1;
            last_object = ow;
        }
        j = num.tok1 > j ? num.tok1 : j + 1;
    }
    if (st == TC_OK)
        st = singular(c, out, first);
    return st;
}

/* A person "shot" in an article that reports one person killed and no
 * one wounded in so many words is most likely that person: the weak
 * wounds of one go. */
static void drop_weak_wounds(tc_vec *out)
{
    size_t i, o = 0;
    bool one_killed = false;
    for (i = 0; i < out->n; i++) {
        const tc_count_rec *r = tc_vec_at(out, i);
        if (r->type == TC_COUNT_KILL && r->singular)
            one_killed = true;
    }
    if (!one_killed)
        return;
    for (i = 0; i < out->n; i++) {
        tc_count_rec *r = tc_vec_at(out, i);
        if (r->type == TC_COUNT_WOUND && r->weak && r->number <= 1)
            continue;
        if (o != i)
            *(tc_count_rec *)tc_vec_at(out, o) = *r;
        o++;
    }
    out->n = o;
}

tc_status tc_extract_counts(const tc_count_input *in, tc_arena *arena,
                            tc_vec *out)
{
    size_t s;
    tc_status st = TC_OK;
    cctx c;
    memset(&c, 0, sizeof c);
    c.in = in;
    for (s = 0; s < in->sents->n && st == TC_OK; s++) {
        const tc_sent *sent = tc_vec_at(in->sents, s);
        tc_role role = ((const tc_para *)tc_vec_at(in->paras, sent->para))->role;
        if (role == TC_ROLE_BOILERPLATE || role == TC_ROLE_ATTRIBUTION ||
            sent->repeat_of)
            continue;
        c.t0 = sent->first_token;
        c.n = sent->token_count;
        c.sentence = (uint32_t)s;
        c.skip = tc_arena_alloc(arena, c.n + 1);
        if (!c.skip)
            return TC_ERR_NOMEM;
        mark_dates(&c);
        st = sentence_counts(&c, out);
    }
    if (st == TC_OK)
        drop_weak_wounds(out);
    return st;
}

const char *tc_count_type_name(tc_count_type t)
{
    static const char *const names[] = {"KILL",     "WOUND",    "ARREST",
                                        "KIDNAP",   "MISSING",  "DISPLACE",
                                        "EVACUATE", "REFUGEE",  "DEPLOY",
                                        "PROTEST",  "ATTACK"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "";
}

const char *tc_num_precision_name(tc_num_precision p)
{
    static const char *const names[] = {"exact", "approximate", "at_least",
                                        "at_most", "range"};
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "exact";
}
