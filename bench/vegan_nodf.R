# vegan_nodf.R - the vegan peer of the NODF benchmark (bench/README.md).
#
#     Rscript bench/vegan_nodf.R MATRIX_FILE REPS
#
# MATRIX_FILE holds "R C" and then one "row col" line (1-based) per one,
# as bench_metrics nodf writes it.  Builds the dense matrix (not timed),
# then times vegan::nestednodf(m) alone (binary, order = TRUE) with
# proc.time, best of REPS, and prints one tab-separated line:
#     vegan  best_seconds  reps  NODF  N.rows  N.columns
# with the statistics to 17 significant digits.
suppressPackageStartupMessages(library(vegan))
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) > 1) as.integer(args[2]) else 1L
con <- file(args[1], "r")
dims <- scan(con, what = integer(), n = 2, quiet = TRUE)
ij <- matrix(scan(con, what = integer(), quiet = TRUE), ncol = 2, byrow = TRUE)
close(con)
m <- matrix(0L, dims[1], dims[2])
m[ij] <- 1L
best <- Inf
for (k in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  s <- nestednodf(m)$statistic
  best <- min(best, proc.time()[["elapsed"]] - t0)
}
cat(sprintf("vegan\t%.6g\t%d\t%.17g\t%.17g\t%.17g\n", best, reps,
            s[["NODF"]], s[["N.rows"]], s[["N.columns"]]))
