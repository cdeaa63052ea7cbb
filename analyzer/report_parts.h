/*
 * report_parts.h - the pieces report.c assembles (private to the report
 * files: report.c, report_gaps.c, report_sections.c, report_tables.c).
 *
 * Every section writer takes the stream and the analysis and writes
 * Markdown; a stream error is left for the caller to find with ferror.
 */
#ifndef BENCHCOV_REPORT_PARTS_H
#define BENCHCOV_REPORT_PARTS_H

#include <stdio.h>

#include "analysis.h"
#include "plan.h"

/*
 * Rows of a Markdown table, and names of an inline list, that list every
 * model, dataset or group: the first REPORT_MAX_ROWS in the table's order,
 * then a line saying how many more there are and which CSV table of tables/ has
 * them all (the shipped catalog, 31 models and 101 datasets, fits whole).
 */
#define REPORT_MAX_ROWS 200

/* The "N more ... in tables/NAME" line after a cut table; nothing when total <= shown. */
void report_more(FILE *fp, size_t total, size_t shown, const char *what, const char *table);

/*
 * One table row per group 0..n_groups-1 (the first REPORT_MAX_ROWS), the
 * group number and, per list, the names of its members in `order`
 * (n_items indices; group_of[i] the group of item i, -1 none), at most
 * REPORT_MAX_ROWS names a cell.  O(items + groups).  `lists` is 1 or 2:
 * models, then datasets for communities.
 */
typedef struct {
    const int *order;     /* item indices in name order */
    size_t n_items;
    const int *group_of;  /* per item index */
    int models;           /* 1 = model names, 0 = dataset names */
} report_members;
/*
 * The items of L in L->order bucketed by their group below n_groups (items
 * of other groups, or none, left out): group g's members, in order, are
 * (*member)[(*start)[g] .. (*start)[g + 1]).  The caller frees both.
 * O(items + groups).  Returns BC_OK, or BC_EX_SOFTWARE (both NULL).
 */
int report_bucket(const report_members *L, size_t n_groups, size_t **start, int **member);

/* Returns BC_OK, or BC_EX_SOFTWARE when memory runs out (no row is then written). */
int report_group_rows(FILE *fp, const bc_catalog *cat, size_t n_groups,
                      const report_members *lists, size_t n_lists);

/* Model names idx[0..n) joined by ", ", Markdown-escaped. */
void report_md_models(FILE *fp, const bc_catalog *cat, const int *idx, size_t n);
/* Dataset names idx[0..n) joined by ", ", or "none in the catalog". */
void report_md_datasets(FILE *fp, const bc_catalog *cat, const int *idx, size_t n);
/* The image line of figure `which` (figures.h), with its caption for `cat`. */
void report_figure(FILE *fp, int which, const bc_catalog *cat);

/*
 * The sections, in the order report_write_md calls them.  Those returning
 * int give BC_OK, or BC_EX_SOFTWARE when memory runs out part-way (the
 * caller then abandons the file: a section is never written short).
 */
void report_section_headline(FILE *fp, const bc_analysis *a);
int report_section_gaps(FILE *fp, const bc_analysis *a);
int report_section_coverage(FILE *fp, const bc_analysis *a);
void report_section_concentration(FILE *fp, const bc_analysis *a);
int report_section_overlap(FILE *fp, const bc_analysis *a);
int report_section_structure(FILE *fp, const bc_analysis *a);
int report_section_contamination(FILE *fp, const bc_analysis *a);
void report_section_plan(FILE *fp, const bc_plan *plan);
void report_section_methods(FILE *fp);

/* Why isolated model m shares nothing: a fixed phrase for the report and tables/isolated.csv. */
const char *report_isolated_why(const bc_analysis *a, int m);

/* The CSV tables of tables/, in the order they are written. */
enum {
    T_COV_TASK, T_COV_MODEL, T_COV_DATASET, T_OVERLAP, T_METRICS, T_CONC, T_COMM, T_BRIDGE,
    T_ROBUST, T_GAPS, T_PLAN, T_CONTAM, T_CONTAM_MODEL, T_ISOLATED, REPORT_TABLES
};
/*
 * Rows of tables/overlap.csv at most: the first pairs in name order.
 * A catalog of up to 1,000 models has every pair there; beyond, the
 * report says so and `benchcov overlap` lists them all.
 */
#define REPORT_MAX_PAIR_ROWS 499500
/* 1 when tables/overlap.csv holds every pair of models of the analysis. */
int report_pairs_complete(const bc_analysis *a);

/* The file name (without .csv) of each table. */
extern const char *const report_table_names[REPORT_TABLES];
/* The contamination tables (report_contamination.c): one row per in-domain
 * evaluation, and per evaluated model.  Return as report_write_table. */
int report_table_contamination(FILE *fp, const bc_analysis *a);
int report_table_contamination_by_model(FILE *fp, const bc_analysis *a);
/* Writes table `which` to fp.  Returns BC_OK, BC_EX_IOERR or BC_EX_SOFTWARE. */
int report_write_table(int which, FILE *fp, const bc_analysis *a, const bc_plan *plan);

#endif
