# chart_stacked.gp - stacked bar chart written by benchcov
# Models per year by output
# From models.csv, columns year and output.
# Data: chart_stacked.dat (tab-separated).  Render in this directory with
# `gnuplot chart_stacked.gp`: writes chart_stacked.svg and chart_stacked.png.

set datafile separator "\t"
set terminal svg size 480,435 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "chart_stacked.svg"
set title "Models per year by output"
set xlabel "publication year"
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
plot "chart_stacked.dat" using 2:xtic(1) lc rgb "#0072B2" title "text", \
     "" using 3 lc rgb "#E69F00" title "speech", \
     "" using 4 lc rgb "#009E73" title "say \"1\" \'q\' \\ \# end\\"

set terminal pngcairo size 480,435 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "chart_stacked.png"
replot
unset output
