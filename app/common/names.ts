/** "Alva" for "Alva Lind": how emails and pages greet a person. */
export function firstName(name: string): string {
	return name.trim().split(/\s+/)[0] ?? name
}
