#load "looks.csx"
