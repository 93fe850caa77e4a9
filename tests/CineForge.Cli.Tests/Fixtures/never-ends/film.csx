using CineForge;

// Waits for something that never comes: check stops it after --timeout seconds.
var never = new TaskCompletionSource<Film>();
return await never.Task;
