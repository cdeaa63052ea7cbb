# concentration.gp - bar chart written by benchcov
# Concentration of dataset use per task (Gini)
# Concentration from tables/concentration.csv: Gini of the number of models
# using each dataset for the task, tasks with two or more datasets (Koch et
# al. 2021).
# Data: concentration.dat (tab-separated).  Render in this directory with
# `gnuplot concentration.gp`: writes concentration.svg and concentration.png.

set datafile separator "\t"
set terminal svg size 767,435 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "concentration.svg"
set title "Concentration of dataset use per task (Gini)"
set xlabel "task"
set ylabel "Gini (0 even, 1 one dataset)"
set bmargin 5
set xrange [-0.5:20.5]
set yrange [0:1]
set xtics nomirror out scale 0 rotate by 60 right
set ytics nomirror
set grid ytics lc rgb "#d0d0d0"
set boxwidth 0.8
set style fill solid 1.0 border lc rgb "#404040"
set key outside right top
plot "concentration.dat" using 1:2:5:xtic(3) with boxes lc rgb variable notitle, \
     keyentry with boxes lc rgb "#009E73" title "music", \
     keyentry with boxes lc rgb "#E69F00" title "sound", \
     keyentry with boxes lc rgb "#0072B2" title "speech", \
     keyentry with boxes lc rgb "#CC79A7" title "vision"

set terminal pngcairo size 767,435 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "concentration.png"
replot
unset output
