// The looks need the cast back: a cycle.
#load "cast.csx"
