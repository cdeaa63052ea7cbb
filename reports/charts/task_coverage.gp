# task_coverage.gp - bar chart written by benchcov
# Models covering each task
# Task coverage from tables/coverage_task.csv (column models); the dashed
# line is the thin threshold: tasks below it are thin, tasks at 0 uncovered.
# Data: task_coverage.dat (tab-separated).  Render in this directory with
# `gnuplot task_coverage.gp`: writes task_coverage.svg and task_coverage.png.

set datafile separator "\t"
set terminal svg size 1847,435 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "task_coverage.svg"
set title "Models covering each task"
set xlabel "task"
set ylabel "models"
set bmargin 5
set xrange [-0.5:60.5]
set yrange [0:]
set xtics nomirror out scale 0 rotate by 60 right
set ytics nomirror
set grid ytics lc rgb "#d0d0d0"
set boxwidth 0.8
set style fill solid 1.0 border lc rgb "#404040"
set key outside right top
plot "task_coverage.dat" using 1:2:5:xtic(3) with boxes lc rgb variable notitle, \
     keyentry with boxes lc rgb "#009E73" title "music", \
     keyentry with boxes lc rgb "#E69F00" title "sound", \
     keyentry with boxes lc rgb "#0072B2" title "speech", \
     keyentry with boxes lc rgb "#56B4E9" title "text", \
     keyentry with boxes lc rgb "#CC79A7" title "vision", \
     2 with lines dt 2 lw 2 lc rgb "#D55E00" title "thin threshold"

set terminal pngcairo size 1847,435 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "task_coverage.png"
replot
unset output
