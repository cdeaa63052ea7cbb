# dataset_popularity.gp - bar chart written by benchcov
# Models using each dataset (top 25)
# Dataset popularity from tables/coverage_dataset.csv (column models), the
# 25 most used datasets, coloured by modality.
# Data: dataset_popularity.dat (tab-separated).  Render in this directory with
# `gnuplot dataset_popularity.gp`: writes dataset_popularity.svg and dataset_popularity.png.

set datafile separator "\t"
set terminal svg size 875,480 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "dataset_popularity.svg"
set title "Models using each dataset (top 25)"
set xlabel "dataset"
set ylabel "models"
set bmargin 8
set xrange [-0.5:24.5]
set yrange [0:]
set xtics nomirror out scale 0 rotate by 60 right
set ytics nomirror
set grid ytics lc rgb "#d0d0d0"
set boxwidth 0.8
set style fill solid 1.0 border lc rgb "#404040"
set key outside right top
plot "dataset_popularity.dat" using 1:2:5:xtic(3) with boxes lc rgb variable notitle, \
     keyentry with boxes lc rgb "#0072B2" title "speech", \
     keyentry with boxes lc rgb "#E69F00" title "sound", \
     keyentry with boxes lc rgb "#56B4E9" title "text", \
     keyentry with boxes lc rgb "#009E73" title "music", \
     keyentry with boxes lc rgb "#CC79A7" title "vision"

set terminal pngcairo size 875,480 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "dataset_popularity.png"
replot
unset output
