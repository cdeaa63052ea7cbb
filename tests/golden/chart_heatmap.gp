# chart_heatmap.gp - heatmap written by benchcov
# Coverage: which model evaluates on which task
# Models x tasks from tables/coverage_model.csv; a cell is 1 when the model
# has a usage row for the task. /
# Data: chart_heatmap.dat (tab-separated).  Render in this directory with
# `gnuplot chart_heatmap.gp`: writes chart_heatmap.svg and chart_heatmap.png.

set datafile separator "\t"
set terminal svg size 480,364 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "chart_heatmap.svg"
set title "Coverage: which model evaluates on which task"
set xlabel "task"
set ylabel "model"
set lmargin 25
set bmargin 12
set tmargin 6
set rmargin 14
set xrange [-0.5:3.5]
set yrange [2.5:-0.5]
set xtics nomirror out scale 0 rotate by 90 right
set ytics nomirror out scale 0
unset key
set grid noxtics noytics
set xtics ("ASR" 0)
set xtics add ("say \"1\" \'q\' \\ \# end\\" 1)
set xtics add ("AAC" 2)
set xtics add ("Gemütlich 語音 a b c" 3)
set ytics ("\`touch PWNED_x\`" 0)
set ytics add ("system(\"touch PWNED_y\")" 1)
set ytics add ("Qwen-Audio" 2)
set x2range [-0.5:3.5]
set x2tics nomirror out scale 0 rotate by 45 left
set x2tics ("speech" 0.5)
set arrow from first 1.5, graph 0 to first 1.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("sound" 2)
set arrow from first 2.5, graph 0 to first 2.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("multi" 3)
set palette defined (0 "#440154", 1 "#482878", 2 "#3E4A89", 3 "#31688E", 4 "#26828E", 5 "#1F9E89", 6 "#35B779", 7 "#6DCD59", 8 "#FDE725")
set cbrange [0:1]
set cblabel "used (1) or not (0)"
plot "chart_heatmap.dat" using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 border lc rgb "white" lc palette z notitle

set terminal pngcairo size 480,364 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "chart_heatmap.png"
replot
unset output
