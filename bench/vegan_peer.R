# vegan_peer.R - the vegan peer of the scale benchmark (bench/scale.sh).
#
#     Rscript bench/vegan_peer.R DIR
#
# Reads usage.csv of the catalog in DIR, builds the dense 0/1 matrix of
# models x datasets (one row per model and one column per dataset that
# occurs in a usage row with a dataset, any role: the non-empty rows and
# columns benchcov keeps) and computes its nestedness with
# vegan::nestednodf (binary, order = TRUE), which is what benchcov prints as
# nodf_model_dataset and its row and column parts.  The caller times the
# whole process (R's start, reading, the matrix and nestednodf).  Prints
# CSV in the form of `benchcov metrics --format csv`, values to 17
# significant digits:
#     metric,value
#     nodf_model_dataset,...
#     nodf_model_dataset_rows,...
#     nodf_model_dataset_cols,...
# nestednodf visits every pair of rows and of columns in interpreted R:
# O(M^2 D + D^2 M) for M models and D datasets.
suppressPackageStartupMessages(library(vegan))
dir <- commandArgs(trailingOnly = TRUE)[1]
u <- read.csv(file.path(dir, "usage.csv"), colClasses = "character",
              na.strings = character(0))
u <- unique(u[u$dataset != "", c("model", "dataset")])
mf <- factor(u$model)
df <- factor(u$dataset)
m <- matrix(0L, nlevels(mf), nlevels(df))
m[cbind(as.integer(mf), as.integer(df))] <- 1L
s <- nestednodf(m)$statistic
cat("metric,value\n")
cat(sprintf("nodf_model_dataset,%.17g\nnodf_model_dataset_rows,%.17g\nnodf_model_dataset_cols,%.17g\n",
            s[["NODF"]], s[["N.rows"]], s[["N.columns"]]))
