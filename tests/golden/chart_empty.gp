# chart_empty.gp - bar chart written by benchcov
# Nothing to show
# Data: chart_empty.dat (tab-separated).  Render in this directory with
# `gnuplot chart_empty.gp`: writes chart_empty.svg and chart_empty.png.

set datafile separator "\t"
set terminal svg size 480,405 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "chart_empty.svg"
set title "Nothing to show"
set xrange [0:1]
set yrange [0:1]
unset xtics
unset ytics
set label 1 "no data" at graph 0.5, graph 0.5 center
plot NaN notitle

set terminal pngcairo size 480,405 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "chart_empty.png"
replot
unset output
