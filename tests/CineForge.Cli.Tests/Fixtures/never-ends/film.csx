using CineForge;

// Waits for something that never comes: check stops it after --script-timeout seconds.
var never = new TaskCompletionSource<Film>();
return await never.Task;
