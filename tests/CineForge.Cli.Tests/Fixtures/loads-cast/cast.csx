// Shared cast, loaded by films with #load.
var Mara = Character.Sheet("Mara").Face("early thirties, freckles").Wardrobe("ochre linen shirt").Seed(1207);
