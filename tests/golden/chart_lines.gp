# chart_lines.gp - line chart written by benchcov
# Models left with a dataset as datasets are withdrawn
# Data: chart_lines.dat (tab-separated).  Render in this directory with
# `gnuplot chart_lines.gp`: writes chart_lines.svg and chart_lines.png.

set datafile separator "\t"
set terminal svg size 720,480 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "chart_lines.svg"
set title "Models left with a dataset as datasets are withdrawn"
set xlabel "share of datasets withdrawn"
set ylabel "share of models with a dataset"
set xrange [0:1]
set yrange [0:]
set xtics nomirror
set ytics nomirror
set grid lc rgb "#d0d0d0"
set key below
plot "chart_lines.dat" index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 1 lc rgb "#0072B2" title "most used first", \
     "chart_lines.dat" index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 4 lc rgb "#E69F00" title "say \"1\" \'q\' \\ \# end\\", \
     0.95 with lines dt 2 lw 1.5 lc rgb "#404040" title "bound"

set terminal pngcairo size 720,480 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "chart_lines.png"
replot
unset output
