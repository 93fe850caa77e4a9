using CineForge;
return Film.Titled("Card")
    .Shot(Shot.TightPortrait().Duration(7).Motion(0.35).Seed(42))
    .Shot(Shot.ObjectDetail().Duration(3).Motion(0.3));
