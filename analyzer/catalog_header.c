/*
 * catalog_header.c - the schema of each catalog file and the check of its
 * header row (see catalog_load.h).
 */
#include <string.h>

#include "catalog_load.h"

const file_schema catalog_kinds[K_COUNT] = {
    { "tasks", "tasks.csv", "task", 5,
      { "code", "name", "modality", "category", "origin" },
      "code,name,modality,category,origin" },
    { "models", "models.csv", "model", 11,
      { "model", "aliases", "paper", "year", "speech_encoder", "encoder_family", "llm",
        "llm_family", "llm_params_b", "fusion", "output" },
      "model,aliases,paper,year,speech_encoder,encoder_family,llm,llm_family,"
      "llm_params_b,fusion,output" },
    { "datasets", "datasets.csv", "dataset", 6,
      { "dataset", "aliases", "modality", "tasks", "languages", "hours" },
      "dataset,aliases,modality,tasks,languages,hours" },
    { "usage", "usage.csv", "usage", 5,
      { "model", "dataset", "task", "role", "source" },
      "model,dataset,task,role,source" },
};


/* ------------------------------------------------------------- header */

void catalog_header_row(loader *L)
{
    size_t E = catalog_kinds[L->kind].ncols, n = L->n_fields;
    const char *const *exp = catalog_kinds[L->kind].cols;
    size_t stored = n < E + 1 ? n : E + 1;
    char b1[128];
    for (size_t i = 0; i < (n > E ? E + 1 : E); i++) {
        const bc_csvfield *f = i < stored ? &L->fields[i] : NULL;
        const char *cell = f ? f->text : NULL;
        if (cell && i < E && strcmp(cell, exp[i]) == 0)
            continue;
        long line = f ? f->line : L->fields[0].line;
        long col = f ? f->col : 0;
        if (!f) {
            /* just past the last cell */
            const bc_csvfield *last = &L->fields[stored - 1];
            col = last->col;
            for (const unsigned char *p = (const unsigned char *)last->text; *p; p++)
                col += (*p & 0xC0) != 0x80;
        }
        int earlier = 0, known = 0, present = 0;
        for (size_t j = 0; cell && j < i; j++)
            earlier |= strcmp(L->fields[j].text, cell) == 0;
        for (size_t j = 0; cell && j < E; j++)
            known |= strcmp(exp[j], cell) == 0;
        for (size_t j = 0; i < E && j < stored; j++)
            present |= strcmp(L->fields[j].text, exp[i]) == 0;
        if (cell && earlier)
            csvscan_error(L->s, BC_EX_DATAERR, line, col, "repeated column '%s'", csvscan_shown(cell, b1));
        else if (cell && strncmp(cell, "\xEF\xBB\xBF", 3) == 0)
            csvscan_error(L->s, BC_EX_DATAERR, line, col,
                      "byte order mark inside a field (only one at the start of the file is allowed)");
        else if (cell && i < E && !known)
            csvscan_error(L->s, BC_EX_DATAERR, line, col, "unknown column '%s' (expected '%s')",
                      csvscan_shown(cell, b1), exp[i]);
        else if (i < E && !present)
            csvscan_error(L->s, BC_EX_DATAERR, line, col, "missing column '%s' (expected header '%s')",
                      exp[i], catalog_kinds[L->kind].header);
        else if (i >= E)
            csvscan_error(L->s, BC_EX_DATAERR, line, col, "unexpected column '%s' (expected header '%s')",
                      csvscan_shown(cell, b1), catalog_kinds[L->kind].header);
        else
            csvscan_error(L->s, BC_EX_DATAERR, line, col, "column '%s' out of place (expected '%s')",
                      csvscan_shown(cell, b1), exp[i]);
        L->s->stop = 1;      /* rows cannot be read under a wrong header */
        return;
    }
}
