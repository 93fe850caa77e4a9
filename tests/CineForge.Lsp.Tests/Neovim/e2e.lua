-- End-to-end run of `cineforge lsp` in real Neovim (0.7 and later), headless:
--   nvim --headless --clean -u NONE -c "luafile e2e.lua"
-- with CINEFORGE_LSP_CMD (the server command, words separated by tabs), FILM (the film to open),
-- OUT (where the fixed buffer is written) and LOG (what happened, one line per step).
-- It opens the film, waits for publishDiagnostics, edits a line to `.Duration(7)`, waits for
-- CF0201, asks for the code actions at it, applies the clamp fix and writes the buffer to OUT.
local cmd = vim.split(os.getenv("CINEFORGE_LSP_CMD"), "\t", { plain = true })
local film, out, log = os.getenv("FILM"), os.getenv("OUT"), os.getenv("LOG")
local timeout = 120000

local function say(...)
  local f = io.open(log, "a")
  f:write(string.format(...) .. "\n")
  f:close()
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, string.format("%d:%d %s", d.lnum + 1, d.col + 1, tostring(code_of(d))))
  end
  table.sort(list)
  return table.concat(list, " ")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(film))
  local buf = vim.api.nvim_get_current_buf()
  local published = 0
  local config = {
    name = "cineforge",
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(film, ":p:h"),
    init_options = { debounceMs = 50 },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, result, ctx, c)
        published = published + 1
        vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, c)
      end,
    },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  say("nvim %s, client %s", tostring(vim.version().major .. "." .. vim.version().minor .. "." .. vim.version().patch), tostring(client_id))

  assert(vim.wait(timeout, function() return published > 0 end, 50), "no publishDiagnostics after opening the film")
  say("opened: %s", codes(buf))

  -- Edit the shot's duration line as a user would: the whole call becomes .Duration(7).
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local row
  for i, line in ipairs(lines) do
    if line:find("%.Duration%(") then row = i break end
  end
  assert(row, "no .Duration( line in the film")
  local edited = lines[row]:gsub("%.Duration%([^)]*%)", ".Duration(7)")
  vim.api.nvim_buf_set_lines(buf, row - 1, row, false, { edited })
  say("edited line %d: %s", row, edited)

  local found
  assert(vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == "CF0201" then found = d return true end
    end
    return false
  end, 50), "no CF0201 after the edit")
  say("after edit: %s", codes(buf))
  say("CF0201 at %d:%d-%d:%d: %s", found.lnum + 1, found.col + 1, found.end_lnum + 1, found.end_col + 1, found.message)

  local lsp_diagnostic = {
    range = { start = { line = found.lnum, character = found.col }, ["end"] = { line = found.end_lnum, character = found.end_col } },
    code = "CF0201", message = found.message, severity = found.severity, source = found.source,
  }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = found.lnum, character = found.col }, ["end"] = { line = found.end_lnum, character = found.end_col } },
    context = { diagnostics = { lsp_diagnostic } },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, timeout)
  local chosen
  for id, response in pairs(responses or {}) do
    if response.err or response.error then say("codeAction error from client %s: %s", tostring(id), vim.inspect(response.err or response.error)) end
    for _, action in ipairs(response.result or {}) do
      say("action: %s", action.title)
      if not chosen and action.title:find("Duration%(5%)") then chosen = action end
    end
  end
  assert(chosen, "no CF0201 clamp action")
  vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
  say("applied: %s", chosen.title)

  assert(vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == "CF0201" then return false end
    end
    return true
  end, 50), "CF0201 still there after the fix")
  say("after fix: %s", codes(buf))

  vim.cmd("write! " .. vim.fn.fnameescape(out))
  say("wrote %s", out)
  vim.lsp.stop_client(client_id)
end)

if ok then
  say("ok")
  vim.cmd("qall!")
else
  say("failed: %s", tostring(err))
  vim.cmd("cquit! 1")
end
