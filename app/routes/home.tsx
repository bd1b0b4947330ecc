// Placeholder while the area is being built; replaced by its owner.
export default function Placeholder() {
	return <div className="page"><h1>home</h1></div>
}
