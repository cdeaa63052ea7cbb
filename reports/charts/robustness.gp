# robustness.gp - line chart written by benchcov
# Models left with data as datasets are withdrawn
# Robustness (Burgos et al. 2007) from tables/robustness.csv: datasets
# withdrawn most used first, and in random order (mean of seeded runs); the
# area under each curve is its robustness.
# Data: robustness.dat (tab-separated).  Render in this directory with
# `gnuplot robustness.gp`: writes robustness.svg and robustness.png.

set datafile separator "\t"
set terminal svg size 720,480 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "robustness.svg"
set title "Models left with data as datasets are withdrawn"
set xlabel "share of datasets withdrawn"
set ylabel "share of models with a dataset"
set xrange [0:1]
set yrange [0:1]
set xtics nomirror
set ytics nomirror
set grid lc rgb "#d0d0d0"
set key below
plot "robustness.dat" index 0 using 1:2 with lines lw 2 dt 1 lc rgb "#0072B2" title "most used first", \
     "robustness.dat" index 1 using 1:2 with lines lw 2 dt 4 lc rgb "#E69F00" title "random order (mean)"

set terminal pngcairo size 720,480 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "robustness.png"
replot
unset output
