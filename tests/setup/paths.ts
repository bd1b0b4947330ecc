import path from 'node:path'

export const tmpDir = path.resolve('tests/.tmp')
export const templateDbPath = path.join(tmpDir, 'template.db')
