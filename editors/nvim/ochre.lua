-- ochre language server for Neovim (0.7 or newer; no plugin needed).
--
-- Put this file on your runtimepath (e.g. ~/.config/nvim/lua/ochre.lua)
-- and call `require('ochre').setup()` from init.lua, or source it directly
-- with `:luafile path/to/ochre.lua` (it then sets itself up).
-- Options: setup({ cmd = { '/path/to/ochre', 'lsp' }, diagnostics = 'push', keymaps = true }).
local M = {}

local defaults = {
  cmd = { 'ochre', 'lsp' },
  filetypes = { 'javascript', 'javascriptreact' },
  -- Neovim shows pushed diagnostics; 'push' keeps the server from also
  -- advertising pull diagnostics (newer Neovim would show both).
  diagnostics = 'push',
  root_markers = { 'ochre.json', 'package.json', '.git' },
  -- Buffer-local mappings for navigation (false: none): K hover, gd
  -- definition, gr references, <leader>rn rename, <leader>ca code action.
  keymaps = true,
}

local function on_attach(opts)
  return function(_, bufnr)
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'  -- <C-x><C-o> completion
    if not opts.keymaps then return end
    local map = function(lhs, fn) vim.keymap.set('n', lhs, fn, { buffer = bufnr, silent = true }) end
    map('K', vim.lsp.buf.hover)
    map('gd', vim.lsp.buf.definition)
    map('gr', vim.lsp.buf.references)
    map('<leader>rn', vim.lsp.buf.rename)
    map('<leader>ca', vim.lsp.buf.code_action)
  end
end

local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.loop.cwd()
  while dir and dir ~= '' do
    for _, m in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. m) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  return vim.loop.cwd()
end

local clients = {}  -- root directory -> client id

local function attach(bufnr, opts)
  local root = root_dir(bufnr, opts.root_markers)
  local id = clients[root]
  if not id or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'ochre',
      cmd = opts.cmd,
      root_dir = root,
      init_options = { diagnostics = opts.diagnostics },
      on_attach = on_attach(opts),
    })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', defaults, user or {})
  local group = vim.api.nvim_create_augroup('ochre_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args) attach(args.buf, opts) end,
  })
  -- Buffers already open.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(opts.filetypes, vim.bo[b].filetype) then
      attach(b, opts)
    end
  end
end

if not ... then M.setup() end  -- sourced with :luafile
return M
