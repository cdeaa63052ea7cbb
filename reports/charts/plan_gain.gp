# plan_gain.gp - line chart written by benchcov
# Suggested evaluation set: pairs covered per dataset
# Gain curve of the default plan from tables/plan.csv: running total of
# covered pairs after each chosen dataset; the dashed line is the plan's
# bound (the optimum when solved exactly, else the LP bound).
# Data: plan_gain.dat (tab-separated).  Render in this directory with
# `gnuplot plan_gain.gp`: writes plan_gain.svg and plan_gain.png.

set datafile separator "\t"
set terminal svg size 720,480 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "plan_gain.svg"
set title "Suggested evaluation set: pairs covered per dataset"
set xlabel "datasets chosen"
set ylabel "(baseline, task) pairs covered"
set xrange [0:5]
set yrange [0:]
set xtics nomirror
set ytics nomirror
set grid lc rgb "#d0d0d0"
set key below
plot "plan_gain.dat" index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 1 lc rgb "#0072B2" title "covered (baseline, task) pairs", \
     42 with lines dt 2 lw 1.5 lc rgb "#404040" title "optimum"

set terminal pngcairo size 720,480 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "plan_gain.png"
replot
unset output
