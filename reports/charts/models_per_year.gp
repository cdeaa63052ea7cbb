# models_per_year.gp - stacked bar chart written by benchcov
# Models per publication year by output
# Models per year from models.csv (year, output): each bar stacks the models
# of one year by their output.
# Data: models_per_year.dat (tab-separated).  Render in this directory with
# `gnuplot models_per_year.gp`: writes models_per_year.svg and models_per_year.png.

set datafile separator "\t"
set terminal svg size 480,435 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "models_per_year.svg"
set title "Models per publication year by output"
set xlabel "year"
set ylabel "models"
set bmargin 5
set style data histograms
set style histogram rowstacked
set boxwidth 0.75
set style fill solid 1.0 border lc rgb "#404040"
set xtics nomirror out scale 0 rotate by 60 right
set ytics nomirror
set grid ytics lc rgb "#d0d0d0"
set yrange [0:*]
set key outside right top invert
plot "models_per_year.dat" using 2:xtic(1) lc rgb "#F0E442" title "any", \
     "" using 3 lc rgb "#0072B2" title "speech", \
     "" using 4 lc rgb "#56B4E9" title "text"

set terminal pngcairo size 480,435 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "models_per_year.png"
replot
unset output
