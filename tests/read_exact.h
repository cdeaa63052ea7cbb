/*
 * read_exact.h - one helper shared by the fuzz replay tests: reads a whole
 * file into a buffer of exactly its size, so that reading past the end is
 * a sanitizer error, as under the fuzzer.  Include after <cmocka.h>; the
 * caller frees the buffer.
 */
#ifndef BENCHCOV_TEST_READ_EXACT_H
#define BENCHCOV_TEST_READ_EXACT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint8_t *read_exact(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *size = (size_t)n;
    return buf;
}

#endif
