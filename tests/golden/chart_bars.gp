# chart_bars.gp - bar chart written by benchcov
# Models per task
# From tables/coverage_task.csv, column models.
# Data: chart_bars.dat (tab-separated).  Render in this directory with
# `gnuplot chart_bars.gp`: writes chart_bars.svg and chart_bars.png.

set datafile separator "\t"
set terminal svg size 480,495 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "chart_bars.svg"
set title "Models per task"
set xlabel "task"
set ylabel "models with a usage row"
set bmargin 9
set xrange [-0.5:5.5]
set yrange [0:]
set xtics nomirror out scale 0 rotate by 60 right
set ytics nomirror
set grid ytics lc rgb "#d0d0d0"
set boxwidth 0.8
set style fill solid 1.0 border lc rgb "#404040"
set key outside right top
plot "chart_bars.dat" using 1:2:5:xtic(3) with boxes lc rgb variable notitle, \
     keyentry with boxes lc rgb "#0072B2" title "speech", \
     keyentry with boxes lc rgb "#E69F00" title "\@macro \$0", \
     keyentry with boxes lc rgb "#009E73" title "sound", \
     keyentry with boxes lc rgb "#CC79A7" title "unknown", \
     2 with lines dt 2 lw 2 lc rgb "#D55E00" title "thin: fewer than 2 models"

set terminal pngcairo size 480,495 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "chart_bars.png"
replot
unset output
