/*
 * calendar.c - the small pieces every date reader needs: digit runs, their
 * value, and the length of a month (leap years included).  The ingest
 * stage reads publication dates and the lexicon reads dictionary dates
 * with them.
 */
#include "core.h"

bool tc_digits(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

int tc_number(const char *s, size_t n)
{
    int v = 0;
    size_t i;
    for (i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

int tc_month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}
