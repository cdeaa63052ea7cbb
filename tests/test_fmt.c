/*
 * test_fmt.c - numbers and escaping for Markdown, CSV, gnuplot strings
 * and gnuplot data fields, fed with hostile and tricky inputs.
 */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "skip.h"

#include "fmt.h"

/* Runs one writer on s and returns what it wrote; the caller frees it. */
static char *capture(void (*writer)(FILE *, const char *), const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);

    assert_non_null(fp);
    writer(fp, s);
    assert_int_equal(fclose(fp), 0);
    return buf;
}

static void expect_writer(void (*writer)(FILE *, const char *), const char *in,
                          const char *want)
{
    char *got = capture(writer, in);

    assert_string_equal(got, want);
    free(got);
}

static void expect_num(double v, const char *want)
{
    char buf[FMT_NUM_MAX];

    assert_string_equal(fmt_num(buf, v), want);
}

static void test_num_integers(void **state)
{
    (void)state;
    expect_num(0, "0");
    expect_num(-0.0, "0");
    expect_num(1, "1");
    expect_num(-42, "-42");
    expect_num(100, "100");
    expect_num(1000000, "1000000");
    /* Counts keep every digit. */
    expect_num(123456789, "123456789");
    expect_num(9007199254740991.0, "9007199254740991");
    /* Beyond exact integers, 6 significant digits again. */
    expect_num(1e20, "1e+20");
}

static void test_num_fractions(void **state)
{
    (void)state;
    expect_num(0.5, "0.5");
    expect_num(0.1 + 0.2, "0.3");
    expect_num(1.0 / 3.0, "0.333333");
    expect_num(2.0 / 3.0, "0.666667");
    expect_num(-0.25, "-0.25");
    expect_num(1e-7, "1e-07");
    expect_num(123456.75, "123457");
    expect_num(1234567.5, "1.23457e+06");
    expect_num(0.000123456789, "0.000123457");
    expect_num(17.9, "17.9");
    /* Rounds to zero at 6 digits but is not zero: keeps its exponent. */
    expect_num(-1e-300, "-1e-300");
}

static void test_num_special(void **state)
{
    (void)state;
    expect_num(NAN, "nan");
    expect_num(-NAN, "nan");
    expect_num(INFINITY, "inf");
    expect_num(-INFINITY, "-inf");
}

static void test_num_fits_and_returns_buf(void **state)
{
    char buf[FMT_NUM_MAX];
    static const double vs[] = { -1.7976931348623157e308, -4.9e-324,
                                 -9007199254740991.0, -123456.123456 };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof vs / sizeof vs[0]; i++) {
        assert_ptr_equal(fmt_num(buf, vs[i]), buf);
        assert_true(strlen(buf) < FMT_NUM_MAX);
        assert_null(strchr(buf, ','));
    }
    assert_string_equal(fmt_num(buf, -1.7976931348623157e308), "-1.79769e+308");
}

static void test_put_num(void **state)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    (void)state;
    assert_non_null(fp);
    fmt_put_num(fp, 0.1 + 0.2);
    fputc(' ', fp);
    fmt_put_num(fp, -0.0);
    fputc(' ', fp);
    fmt_put_num(fp, 7);
    assert_int_equal(fclose(fp), 0);
    assert_string_equal(out, "0.3 0 7");
    free(out);
}

/*
 * Under a locale whose decimal mark is not '.' (ps_AF uses the two-byte
 * U+066B, de_DE a comma), when one is installed, the
 * numbers still use '.'.  Skipped when no such locale exists.
 */
static void expect_exact(double v, const char *want)
{
    char buf[FMT_NUM_MAX];

    assert_string_equal(fmt_num_exact(buf, v), want);
    /* What was written reads back as v (strtod in the C locale). */
    const char *was = setlocale(LC_NUMERIC, NULL);
    char saved[64];
    snprintf(saved, sizeof saved, "%s", was ? was : "C");
    setlocale(LC_NUMERIC, "C");
    if (isfinite(v))
        assert_true(strtod(buf, NULL) == v);
    setlocale(LC_NUMERIC, saved);
}

static void test_num_locale(void **state)
{
    static const char *const names[] = { "ps_AF.UTF-8", "de_DE.UTF-8", "de_DE.utf8",
                                         "fr_FR.UTF-8", "fr_FR.utf8", "ru_RU.UTF-8" };
    size_t i;
    const char *set = NULL;

    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0] && !set; i++)
        set = setlocale(LC_ALL, names[i]);
    if (!set) {
        setlocale(LC_ALL, "C");
        TEST_SKIP();
    }
    expect_num(0.5, "0.5");
    expect_num(-1234.5, "-1234.5");
    expect_num(1e-7, "1e-07");
    expect_num(1234567.5, "1.23457e+06");
    expect_exact(12.34567, "12.34567");
    expect_exact(0.3, "0.3");
    setlocale(LC_ALL, "C");
}

static void test_md(void **state)
{
    (void)state;
    expect_writer(fmt_md, "plain text", "plain text");
    expect_writer(fmt_md, "", "");
    expect_writer(fmt_md, NULL, "");
    expect_writer(fmt_md, "| a | b |", "\\| a \\| b \\|");
    expect_writer(fmt_md, "`code`", "\\`code\\`");
    expect_writer(fmt_md, "**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_");
    expect_writer(fmt_md, "[link](x)", "\\[link\\]\\(x\\)");
    expect_writer(fmt_md, "<script>alert(1)</script>",
                  "\\<script\\>alert\\(1\\)\\</script\\>");
    expect_writer(fmt_md, "# h ~s~ &amp; !img", "\\# h \\~s\\~ \\&amp; \\!img");
    expect_writer(fmt_md, "back\\slash", "back\\\\slash");
    expect_writer(fmt_md, "line1\nline2\r\n\tend", "line1 line2   end");
    expect_writer(fmt_md, "bell\a del\x7f", "bell  del ");
    /* @ and $ are not Markdown syntax: kept. */
    expect_writer(fmt_md, "@x $0", "@x $0");
    /* UTF-8 is preserved, C1 controls (U+0085) folded. */
    expect_writer(fmt_md, "Gemütlich 語音 \xc2\x85!", "Gemütlich 語音  \\!");
}

static void test_csv(void **state)
{
    (void)state;
    expect_writer(fmt_csv, "plain", "plain");
    expect_writer(fmt_csv, "", "");
    expect_writer(fmt_csv, NULL, "");
    expect_writer(fmt_csv, "a,b", "\"a,b\"");
    expect_writer(fmt_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
    expect_writer(fmt_csv, "two\nlines", "\"two\nlines\"");
    expect_writer(fmt_csv, "cr\rx", "\"cr\rx\"");
    expect_writer(fmt_csv, "| pipes ` and ; semi", "| pipes ` and ; semi");
    expect_writer(fmt_csv, "語音,x", "\"語音,x\"");
}

static void test_gp_string(void **state)
{
    (void)state;
    expect_writer(fmt_gp_string, "Task coverage", "\"Task coverage\"");
    expect_writer(fmt_gp_string, "", "\"\"");
    expect_writer(fmt_gp_string, NULL, "\"\"");
    expect_writer(fmt_gp_string, "`touch PWNED`", "\"\\`touch PWNED\\`\"");
    expect_writer(fmt_gp_string, "system(\"touch x\")",
                  "\"system(\\\"touch x\\\")\"");
    expect_writer(fmt_gp_string, "@macro $0 #c 'q'",
                  "\"\\@macro \\$0 \\#c \\'q\\'\"");
    expect_writer(fmt_gp_string, "a\\\"; !rm", "\"a\\\\\\\"; !rm\"");
    expect_writer(fmt_gp_string, "l1\nl2\tx\r", "\"l1 l2 x \"");
    expect_writer(fmt_gp_string, "Gemütlich 語音", "\"Gemütlich 語音\"");
}

static void test_gp_string_cannot_close(void **state)
{
    /* Whatever the input, no unescaped quote appears between the ends. */
    static const char *const inputs[] = { "\"", "\\", "\\\"", "\"\\", "x\\", "`\\`",
                                          "\n\"\n" };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *out = capture(fmt_gp_string, inputs[i]);
        size_t n = strlen(out), k;

        assert_true(n >= 2);
        assert_int_equal(out[0], '"');
        assert_int_equal(out[n - 1], '"');
        for (k = 1; k + 1 < n; k++) {
            if (out[k] == '\\') {
                k++; /* the escaped byte */
                assert_true(k + 1 < n);
                continue;
            }
            assert_int_not_equal(out[k], '"');
            assert_int_not_equal(out[k], '`');
            assert_true((unsigned char)out[k] >= 0x20);
        }
        free(out);
    }
}

static void test_dat(void **state)
{
    (void)state;
    expect_writer(fmt_dat, "LibriSpeech", "\"LibriSpeech\"");
    expect_writer(fmt_dat, "", "-");
    expect_writer(fmt_dat, NULL, "-");
    expect_writer(fmt_dat, "with space", "\"with space\"");
    expect_writer(fmt_dat, "tab\there", "\"tab here\"");
    expect_writer(fmt_dat, "EOD", "\"EOD\"");
    expect_writer(fmt_dat, "#comment", "\"\\#comment\"");
    expect_writer(fmt_dat, "back\\slash", "\"back\\\\slash\"");
    /* A quote becomes \0042, also before a digit. */
    expect_writer(fmt_dat, "say \"1\"", "\"say \\00421\\0042\"");
    expect_writer(fmt_dat, "multi\nline\r", "\"multi line \"");
    expect_writer(fmt_dat, "`x` @y $z 'q' |p|", "\"`x` @y $z 'q' |p|\"");
    expect_writer(fmt_dat, "語音", "\"語音\"");
}

static void test_printf(void **state)
{
    (void)state;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    assert_non_null(fp);
    fmt_printf(fp, "%N of %N (%P) in %M, %s 100%% %q", 3.0, 1.0 / 3.0, 0.0634, "a|b*c",
               "`raw`");
    fclose(fp);
    assert_string_equal(out, "3 of 0.333333 (6.3%) in a\\|b\\*c, `raw` 100% q");
    free(out);
}

static void test_num_exact(void **state)
{
    (void)state;
    expect_exact(0.1, "0.1");
    expect_exact(12.34567, "12.34567");
    expect_exact(1234567.5, "1234567.5");
    expect_exact(1.0 / 3.0, "0.3333333333333333");
    expect_exact(0.1 + 0.2, "0.30000000000000004");
    expect_exact(-2.5e-9, "-2.5e-09");
    expect_exact(13, "13");
    expect_exact(-0.0, "0");
    expect_exact(1e300, "1e+300");
    expect_exact(123456789.125, "123456789.125");
    expect_exact(NAN, "nan");
}

static void test_xml(void **state)
{
    (void)state;
    expect_writer(fmt_xml, "plain", "plain");
    expect_writer(fmt_xml, NULL, "");
    expect_writer(fmt_xml, "<a href=\"x\">&amp;</a>",
                  "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;");
    expect_writer(fmt_xml, "it's ]]> --", "it&apos;s ]]&gt; --");
    /* Kept through character references, so attribute values keep them too. */
    expect_writer(fmt_xml, "a\tb\nc\rd", "a&#9;b&#10;c&#13;d");
    /* Not XML 1.0 characters: folded. */
    expect_writer(fmt_xml, "x\x01y\x1fz", "x y z");
    expect_writer(fmt_xml, "x\xef\xbf\xbey\xef\xbf\xbfz", "x y z");
    expect_writer(fmt_xml, "語音 \xef\xbf\xbd", "語音 \xef\xbf\xbd");
}

static void test_json(void **state)
{
    (void)state;
    expect_writer(fmt_json, "plain", "\"plain\"");
    expect_writer(fmt_json, NULL, "\"\"");
    expect_writer(fmt_json, "say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\"");
    expect_writer(fmt_json, "a\nb\rc\td\be\ff", "\"a\\nb\\rc\\td\\be\\ff\"");
    expect_writer(fmt_json, "\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\"");
    expect_writer(fmt_json, "</script> 語音", "\"</script> 語音\"");
}

static void test_dot(void **state)
{
    (void)state;
    expect_writer(fmt_dot, "plain", "\"plain\"");
    expect_writer(fmt_dot, NULL, "\"\"");
    expect_writer(fmt_dot, "say \"hi\"", "\"say \\\"hi\\\"\"");
    /* A trailing backslash cannot escape the closing quote. */
    expect_writer(fmt_dot, "ends\\", "\"ends\\\\\"");
    expect_writer(fmt_dot, "two\nlines\r\t", "\"two\\nlines  \"");
    expect_writer(fmt_dot, "<b>html</b> -- ; } node", "\"<b>html</b> -- ; } node\"");
}

int main(int argc, char **argv)
{
    /* `test_fmt locale`: the part that needs a decimal-comma locale. */
    if (argc > 1 && strcmp(argv[1], "locale") == 0) {
        const struct CMUnitTest locale[] = { cmocka_unit_test(test_num_locale) };
        return test_exit(cmocka_run_group_tests_name("locale", locale, NULL, NULL));
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_integers),
        cmocka_unit_test(test_num_fractions),
        cmocka_unit_test(test_num_special),
        cmocka_unit_test(test_num_fits_and_returns_buf),
        cmocka_unit_test(test_put_num),
        cmocka_unit_test(test_md),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_gp_string),
        cmocka_unit_test(test_gp_string_cannot_close),
        cmocka_unit_test(test_dat),
        cmocka_unit_test(test_printf),
        cmocka_unit_test(test_num_exact),
        cmocka_unit_test(test_xml),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_dot),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
