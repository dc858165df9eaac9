-- Headless Neovim drives `ochre lsp` like a user would (run by
-- nvim_e2e.sh): open a file with syntax errors, check where the diagnostics
-- land (also after an emoji), edit through the buffer (Neovim sends
-- incremental didChange in UTF-16), fix everything, ask for symbols.
-- Works with Neovim 0.7+ (vim.lsp.start_client). Writes one line per check
-- and `N passed, N failed` to $RESULT, then quits with status 0 or 1.
local ochre = os.getenv('OCHRE')
local file = os.getenv('FILE')
local result_path = os.getenv('RESULT')
local out = {}
local passed, failed = 0, 0

local function check(cond, what)
  if cond then
    passed = passed + 1
    table.insert(out, 'ok ' .. what)
  else
    failed = failed + 1
    table.insert(out, 'FAIL ' .. what)
  end
end

local function finish()
  table.insert(out, string.format('%d passed, %d failed', passed, failed))
  local f = io.open(result_path, 'w')
  f:write(table.concat(out, '\n') .. '\n')
  f:close()
  vim.cmd(failed == 0 and 'qall!' or 'cquit!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'ochre',
    cmd = { ochre, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    init_options = { diagnostics = 'push', lint = false },
  })
  check(client_id ~= nil, 'client started')
  vim.lsp.buf_attach_client(buf, client_id)

  local function diags()
    local d = vim.diagnostic.get(buf)
    table.sort(d, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    return d
  end
  local function wait_for(pred, what)
    local done = vim.wait(10000, pred, 20)
    check(done, what)
    return done
  end
  -- Byte column (0-based) of `needle` in a buffer line.
  local function col_of(lnum, needle)
    local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1]
    return string.find(line, needle, 1, true) - 1
  end

  -- 1. Initial diagnostics: one after two emoji (line 1), one on line 5.
  wait_for(function() return #diags() == 2 end, 'two diagnostics arrive')
  local d = diags()
  if #d == 2 then
    local want = col_of(1, '+ ;') + 2
    check(d[1].lnum == 1 and d[1].col == want and d[1].code == 'E0103',
      string.format('error after the emoji at 1:%d (got %d:%d %s)', want, d[1].lnum, d[1].col, tostring(d[1].code)))
    check(d[2].lnum == 5 and d[2].col == col_of(5, '{') and d[2].source == 'ochre',
      string.format('error on line 5 at col %d (got %d:%d)', col_of(5, '{'), d[2].lnum, d[2].col))
  end

  -- 2. An edit through the buffer: break line 3 (after another emoji).
  vim.api.nvim_buf_set_lines(buf, 3, 4, false, { '  return "😀" + a * ;' })
  wait_for(function() return #diags() == 3 end, 'a third diagnostic after the edit')
  d = diags()
  if #d == 3 then
    check(d[2].lnum == 3 and d[2].col == col_of(3, ';'),
      string.format('new error at 3:%d (got %d:%d)', col_of(3, ';'), d[2].lnum, d[2].col))
  end

  -- 3. Insert a line above: everything moves down one line.
  vim.api.nvim_buf_set_lines(buf, 0, 0, false, { '// a new first line é' })
  wait_for(function() local x = diags(); return #x == 3 and x[1].lnum == 2 end, 'diagnostics follow an inserted line')

  -- 4. Fix every error with small in-place edits.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    local fixed = line:gsub('%(1 %+ ;', '(1 + 2);'):gsub('a %* ;', 'a * 2;'):gsub('if %(x {', 'if (x) {')
    if fixed ~= line then
      -- Replace only the changed tail so that the edit is incremental.
      local p = 1
      while p <= #line and line:sub(p, p) == fixed:sub(p, p) do p = p + 1 end
      vim.api.nvim_buf_set_text(buf, i - 1, p - 1, i - 1, #line, { fixed:sub(p) })
    end
  end
  wait_for(function() return #diags() == 0 end, 'diagnostics disappear when fixed')

  -- 5. Document symbols.
  local params = { textDocument = vim.lsp.util.make_text_document_params() }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, 5000)
  local names = {}
  for _, r in pairs(res or {}) do
    for _, s in ipairs(r.result or {}) do table.insert(names, s.name) end
  end
  check(table.concat(names, ',') == 'greeting,broken,ok,Shape',
    'document symbols: ' .. table.concat(names, ','))

  -- 6. Navigation with the cursor after an emoji (UTF-16 positions):
  -- definition of `a`, hover, then a rename applied by Neovim.
  local lnum = nil
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find('a * 2', 1, true) and line:find('return', 1, true) then lnum = i - 1 end
  end
  check(lnum ~= nil, 'the return line is there')
  if lnum then
    vim.api.nvim_win_set_cursor(0, { lnum + 1, col_of(lnum, 'a * 2') })
    local pos = vim.lsp.util.make_position_params()
    res = vim.lsp.buf_request_sync(buf, 'textDocument/definition', pos, 5000)
    local loc
    for _, r in pairs(res or {}) do loc = r.result and r.result[1] end
    check(loc ~= nil and loc.range.start.line == lnum - 1 and loc.range.start.character == 12,
      'definition of a -> the parameter: ' .. vim.inspect(loc and loc.range))
    res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', pos, 5000)
    local hover
    for _, r in pairs(res or {}) do hover = r.result and r.result.contents.value end
    check(hover ~= nil and hover:find('(parameter) a', 1, true) ~= nil, 'hover: ' .. tostring(hover))
    pos.newName = 'value'
    res = vim.lsp.buf_request_sync(buf, 'textDocument/rename', pos, 5000)
    local edit
    for _, r in pairs(res or {}) do edit = r.result end
    check(edit ~= nil, 'rename answered')
    if edit then vim.lsp.util.apply_workspace_edit(edit, 'utf-16') end
    local l = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum + 1, false)
    check(l[1] == 'function ok(value) {' and l[2] == '  return "😀" + value * 2;', 'rename applied: ' .. table.concat(l, ' | '))
  end

  vim.lsp.stop_client(client_id)
end)
if not ok then check(false, 'error: ' .. tostring(err)) end
finish()
