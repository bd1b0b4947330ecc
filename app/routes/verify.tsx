// Placeholder while the area is being built; replaced by its owner.
export default function Placeholder() {
	return <div className="page"><h1>verify</h1></div>
}
