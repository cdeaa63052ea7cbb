/*
 * test_cli.c - option parsing shared by the commands: every value parser
 * accepts what it documents and refuses the rest with a usage error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static void test_parse_long(void **state)
{
    (void)state;
    bc_errors e;
    errors_init(&e);
    long v = 0;
    assert_int_equal(cli_parse_long("--k", "5", 1, 10, &v, &e), BC_OK);
    assert_int_equal(v, 5);
    const char *bad[] = { "", "0", "11", "-1", "+3", " 3", "3 ", "0x1A", "1e1", "1.0", "12abc",
                          "99999999999999999999999" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(cli_parse_long("--k", bad[i], 1, 10, &v, &e), BC_EX_USAGE);
        assert_int_equal(v, 5);
    }
    assert_string_equal(e.items[0].msg,
                        "invalid value '' for --k: expected a whole number from 1 to 10");
    assert_null(e.items[0].file);
    errors_release(&e);
}

static void test_parse_double_and_u64(void **state)
{
    (void)state;
    bc_errors e;
    errors_init(&e);
    double d;
    assert_int_equal(cli_parse_double("--hours", "12.5", 0, 1e9, &d, &e), BC_OK);
    assert_true(d == 12.5);
    assert_int_equal(cli_parse_double("--hours", "7", 0, 1e9, &d, &e), BC_OK);
    assert_true(d == 7.0);
    const char *bad[] = { "1,5", "nan", "inf", "1e999", "0x1A", "-0", "12abc", ".5", "5.", "" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(cli_parse_double("--hours", bad[i], 0, 1e9, &d, &e), BC_EX_USAGE);
    /* The message states the grammar and the range it accepts, both bounds
     * written as the grammar allows (no exponent). */
    errors_release(&e);
    errors_init(&e);
    assert_int_equal(cli_parse_double("--hours", "1e3", 0.001, 1e9, &d, &e), BC_EX_USAGE);
    assert_string_equal(e.items[0].msg, "invalid value '1e3' for --hours: expected a decimal "
                                         "number such as 12 or 0.5, from 0.001 to 1000000000");
    assert_int_equal(cli_parse_double("--hours", "0", 0.001, 1e9, &d, &e), BC_EX_USAGE);
    assert_int_equal(cli_parse_double("--hours", "0.001", 0.001, 1e9, &d, &e), BC_OK);
    assert_int_equal(cli_parse_double("--hours", "1000000000", 0.001, 1e9, &d, &e), BC_OK);
    assert_int_equal(cli_parse_double("--hours", "1000000000.5", 0.001, 1e9, &d, &e),
                     BC_EX_USAGE);
    unsigned long long u;
    assert_int_equal(cli_parse_u64("--seed", "18446744073709551615", &u, &e), BC_OK);
    assert_true(u == 18446744073709551615ULL);
    assert_int_equal(cli_parse_u64("--seed", "18446744073709551616", &u, &e), BC_EX_USAGE);
    assert_int_equal(cli_parse_u64("--seed", "-1", &u, &e), BC_EX_USAGE);
    errors_release(&e);
}

static void test_split_list(void **state)
{
    (void)state;
    bc_errors e;
    errors_init(&e);
    bc_strlist l;
    assert_int_equal(cli_split_list("--tasks", " ASR, ST;;AAC ,", &l, &e), BC_OK);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.items[0], "ASR");
    assert_string_equal(l.items[1], "ST");
    assert_string_equal(l.items[2], "AAC");
    cli_strlist_release(&l);
    assert_int_equal(cli_split_list("--tasks", " , ;", &l, &e), BC_EX_USAGE);
    assert_int_equal(l.n, 0);
    cli_strlist_release(NULL);
    errors_release(&e);
}

/* The catalog's `;` lists and the options' lists split alike: one splitter. */
static void test_split_shared(void **state)
{
    (void)state;
    bc_strlist a, b;
    assert_int_equal(strlist_split(" ASR ;\tST;; ", ";", &a), 0);
    bc_errors e;
    errors_init(&e);
    assert_int_equal(cli_split_list("--tasks", " ASR ;\tST;; ", &b, &e), BC_OK);
    assert_int_equal(a.n, 2);
    assert_int_equal(b.n, 2);
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(a.items[i], b.items[i]);
    strlist_release(&a);
    cli_strlist_release(&b);
    errors_release(&e);
}

/* Enumerated option values: exact; a case slip is named with the right case. */
static void test_parse_choice(void **state)
{
    (void)state;
    static const char *const by[] = { "task", "model", "dataset", NULL };
    bc_errors e;
    errors_init(&e);
    int i = -1;
    assert_int_equal(cli_parse_choice("--by", "model", by, &i, &e), BC_OK);
    assert_int_equal(i, 1);
    assert_int_equal(cli_parse_choice("--by", "Task", by, &i, &e), BC_EX_USAGE);
    assert_string_equal(e.items[0].msg, "invalid value 'Task' for --by: expected 'task', "
                                        "'model' or 'dataset' (did you mean 'task'?)");
    assert_int_equal(cli_parse_choice("--by", "tasks", by, &i, &e), BC_EX_USAGE);
    assert_string_equal(e.items[1].msg, "invalid value 'tasks' for --by: expected 'task', "
                                        "'model' or 'dataset'");
    bc_format f;
    assert_int_equal(cli_parse_format("--format", "CSV", &f, &e), BC_EX_USAGE);
    assert_string_equal(e.items[2].msg, "invalid value 'CSV' for --format: expected 'md' or "
                                        "'csv' (did you mean 'csv'?)");
    errors_release(&e);
}

static int parse(unsigned accepted, bc_opts *o, bc_errors *e, int argc, ...)
{
    char *argv[16];
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    argv[argc] = NULL;
    return cli_parse_common(argc, argv, accepted, o, e);
}

static void test_parse_common(void **state)
{
    (void)state;
    bc_errors e;
    errors_init(&e);
    bc_opts o;
    unsigned all = BC_OPT_DATA | BC_OPT_FORMAT | BC_OPT_SEED | BC_OPT_OUT | BC_OPT_THIN;
    assert_int_equal(parse(all, &o, &e, 1, "report"), BC_OK);
    assert_string_equal(o.data, "data");
    assert_string_equal(o.out, "reports");
    assert_int_equal(o.thin, 2);
    assert_true(o.seed == 1);
    assert_int_equal(o.format, BC_FORMAT_MD);
    assert_int_equal(parse(all, &o, &e, 9, "report", "--data", "d", "--out=o", "--thin", "3",
                           "--seed", "42", "--format=csv"),
                     BC_OK);
    assert_string_equal(o.data, "d");
    assert_string_equal(o.out, "o");
    assert_int_equal(o.thin, 3);
    assert_true(o.seed == 42);
    assert_int_equal(o.format, BC_FORMAT_CSV);
    assert_int_equal(parse(all, &o, &e, 2, "report", "-h"), BC_OK);
    assert_true(o.help);
    assert_int_equal(e.n, 0);

    /* An option the command does not take is unknown to it. */
    assert_int_equal(parse(BC_OPT_DATA, &o, &e, 3, "check", "--out", "x"), BC_EX_USAGE);
    assert_string_equal(e.items[0].msg, "check: unknown option '--out'");
    assert_int_equal(parse(BC_OPT_DATA, &o, &e, 2, "check", "--data"), BC_EX_USAGE);
    assert_string_equal(e.items[1].msg, "check: option '--data' needs a value");
    assert_int_equal(parse(BC_OPT_DATA, &o, &e, 2, "check", "stray"), BC_EX_USAGE);
    assert_string_equal(e.items[2].msg, "check: unexpected argument 'stray'");
    assert_int_equal(parse(BC_OPT_BY, &o, &e, 1, "coverage"), BC_EX_USAGE);
    assert_string_equal(e.items[3].msg, "coverage: --by is required");
    assert_int_equal(parse(BC_OPT_BY, &o, &e, 3, "coverage", "--by", "Task"), BC_EX_USAGE);
    assert_int_equal(e.code, BC_EX_USAGE);
    errors_release(&e);
}

static void test_command_table(void **state)
{
    (void)state;
    const char *names[] = { "check", "report", "coverage", "overlap", "metrics", "plan" };
    for (size_t i = 0; i < 6; i++) {
        const bc_command *c = cli_find_command(names[i]);
        assert_non_null(c);
        char want[64];
        snprintf(want, sizeof want, "usage: benchcov %s", names[i]);
        assert_memory_equal(c->usage, want, strlen(want));
    }
    assert_null(cli_find_command("Check"));
    assert_null(cli_find_command(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_long),   cmocka_unit_test(test_parse_double_and_u64),
        cmocka_unit_test(test_split_list),   cmocka_unit_test(test_parse_common),
        cmocka_unit_test(test_command_table), cmocka_unit_test(test_split_shared),
        cmocka_unit_test(test_parse_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
